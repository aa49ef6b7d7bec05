/**
 * JMH benchmarks of the hot paths, each beside its physical limit measured in the same run (ANN vs exact scan,
 * ranker vs a same-FLOPs GEMM, feature reads vs array gather/scan). {@code bin/bench-jmh.sh [OUT] [Bench...]}
 * runs them with short settings and one JSON file each; results and findings: docs/benchmarks.md. By hand:
 * <pre>
 * ./mvnw -q -pl marquee-bench -am install -DskipTests
 * ./mvnw -q -pl marquee-bench dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * $JAVA_HOME/bin/java --add-modules jdk.incubator.vector -Dai.djl.offline=true \
 *     -cp marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt) org.openjdk.jmh.Main RerankBench -rf json
 * </pre>
 */
package dev.marquee.bench;
