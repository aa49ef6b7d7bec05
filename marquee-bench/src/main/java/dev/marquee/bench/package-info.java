/**
 * JMH benchmarks of the hot paths. Run one with its dependencies on the classpath:
 * <pre>
 * ./mvnw -q -pl marquee-bench -am install -DskipTests
 * ./mvnw -q -pl marquee-bench dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * $JAVA_HOME/bin/java --add-modules jdk.incubator.vector -Dai.djl.offline=true \
 *     -cp marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt) org.openjdk.jmh.Main RerankBench -rf json
 * </pre>
 */
package dev.marquee.bench;
