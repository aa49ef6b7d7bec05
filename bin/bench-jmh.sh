#!/usr/bin/env bash
# Runs Marquee's JMH benchmarks with short, sane settings and saves one JSON result file per benchmark.
#   bin/bench-jmh.sh [OUT_DIR] [BENCH_REGEX...]     e.g. bin/bench-jmh.sh /tmp/jmh AnnQueryBench RankerInferenceBench
# Env: JMH_JAVA_OPTS (options of the runner JVM, e.g. -Djmh.ignoreLock=true), JMH_ARGS (extra JMH options, e.g. "-wi 1 -i 2 -r 2s" for a smoke run), EXTRA_CP (classes put in front
# of the classpath, e.g. a worktree's marquee-feed/target/classes to measure an uninstalled change).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="$("$root/bin/java25-home.sh")"
export JAVA_HOME
out="${1:-$root/marquee-bench/target/jmh}"
shift || true
benches=("$@")
if [ ${#benches[@]} -eq 0 ]; then
  benches=(AnnQueryBench AnnInsertBench RankerInferenceBench RankerScoringBench FeatureReadBench CoWatchBench
           FeatureUpdateBench RerankBench EventLogAppendBench)
fi
cd "$root"
if [ ! -f marquee-bench/target/classes/META-INF/BenchmarkList ] || [ ! -f marquee-bench/target/cp.txt ]; then
  ./mvnw -q -pl marquee-bench compile
  ./mvnw -q -pl marquee-bench dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi
cp="${EXTRA_CP:+$EXTRA_CP:}marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt)"
mkdir -p "$out"
echo "bench-jmh: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)" | tee "$out/machine.txt"
for b in "${benches[@]}"; do
  echo "== $b" >&2
  name="${b//[^A-Za-z0-9_.-]/_}"

  "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Dai.djl.offline=true ${JMH_JAVA_OPTS:-} -cp "$cp" org.openjdk.jmh.Main \
      "^dev.marquee.bench.$b(\.|\$)" ${JMH_ARGS:-} -rf json -rff "$out/$name.json" | tee "$out/$name.txt"
done
echo "bench-jmh: results in $out" >&2
