#!/usr/bin/env bash
# The #13 table's JMH rows, RUNS times each (default 5), with short iterations so five runs fit in about half an
# hour on 2 cores; prints the median p0/p50/p99 over runs (JmhMedians) into OUT_DIR/medians.md.
#   bin/bench-suite.sh OUT_DIR          env: RUNS (default 5), JMH_JAVA_OPTS as bench-jmh.sh
# Rows: ANN top-500 at 1M (IVF, its float scan, the exact Vector API floor), merged candidate generation at 1M,
# ranker scoring with features assembled (student/shared-bottom/MMoE) and the bare forward pass vs a same-FLOPs
# GEMM at 1,000 rows, feature reads of 1,000 videos vs a gather/scan of the same bytes, the re-rank stage.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:?usage: bin/bench-suite.sh OUT_DIR}"
runs="${RUNS:-5}"
short="-w 2s -wi 2 -r 2s -i 3"
dirs=()
for i in $(seq 1 "$runs"); do
  d="$out/run-$i"
  JMH_ARGS="$short -p vectors=1000000 -e hnsw" "$root/bin/bench-jmh.sh" "$d" AnnQueryBench
  JMH_ARGS="$short -p videos=1000000" "$root/bin/bench-jmh.sh" "$d" 'RetrievalBench.merged'
  JMH_ARGS="$short -p rows=1000" "$root/bin/bench-jmh.sh" "$d" RankerInferenceBench
  JMH_ARGS="$short" "$root/bin/bench-jmh.sh" "$d" RankerScoringBench FeatureReadBench RerankBench
  dirs+=("$d")
done
JAVA_HOME="$("$root/bin/java25-home.sh")"
"$JAVA_HOME/bin/java" -cp "$root/marquee-bench/target/classes:$(cat "$root/marquee-bench/target/cp.txt")" \
    dev.marquee.bench.JmhMedians "${dirs[@]}" | tee "$out/medians.md"
