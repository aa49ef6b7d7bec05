#!/usr/bin/env bash
# Runs bin/bench-jmh.sh RUNS times (default 5) into OUT_DIR/run-N and prints the median of each benchmark's
# p0/p50/p99 over the runs (dev.marquee.bench.JmhMedians), also saved as OUT_DIR/medians.md.
#   bin/bench-jmh-runs.sh OUT_DIR [BENCH_REGEX...]      env: RUNS (default 5), JMH_ARGS, EXTRA_CP as bench-jmh.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:?usage: bin/bench-jmh-runs.sh OUT_DIR [BENCH_REGEX...]}"
shift
runs="${RUNS:-5}"
dirs=()
for i in $(seq 1 "$runs"); do
  "$root/bin/bench-jmh.sh" "$out/run-$i" "$@"
  dirs+=("$out/run-$i")
done
JAVA_HOME="$("$root/bin/java25-home.sh")"
"$JAVA_HOME/bin/java" -cp "$root/marquee-bench/target/classes:$(cat "$root/marquee-bench/target/cp.txt")" \
    dev.marquee.bench.JmhMedians "${dirs[@]}" | tee "$out/medians.md"
