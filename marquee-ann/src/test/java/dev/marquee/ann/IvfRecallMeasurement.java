package dev.marquee.ann;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measurement for issue 4's ANN target with the IVF index (not a unit test): N × 64-d clustered
 * embeddings, IVF int8 + re-rank (and optionally unquantized) against the exact oracle. Prints build
 * time, bytes per video, and per probes value the recall@k and single-thread p50/p99 (wall and
 * thread-CPU time, the latter robust to a shared box).
 *
 * <pre>
 * ./mvnw -q -pl marquee-ann test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx6g --add-modules jdk.incubator.vector -cp marquee-ann/target/test-classes:\
 *   marquee-ann/target/classes:$(cat marquee-ann/target/cp.txt) dev.marquee.ann.IvfRecallMeasurement \
 *   [vectors=1000000] [clusters=1000] [k=500] [lists=2048] [probes=32,48,64,96] [rerank=2000]
 *   [quantized=true,false] [queries=300]
 * </pre>
 */
public final class IvfRecallMeasurement {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private IvfRecallMeasurement() {}

  public static void main(String[] args) {
    int vectors = intArg(args, "vectors", 1_000_000);
    int clusters = intArg(args, "clusters", 1000);
    int k = intArg(args, "k", 500);
    int queryCount = intArg(args, "queries", 300);
    int lists = intArg(args, "lists", 2048);
    int rerank = intArg(args, "rerank", 2000);
    int[] probes = Arrays.stream(stringArg(args, "probes", "32,48,64,96").split(","))
        .mapToInt(Integer::parseInt).toArray();
    ClusteredEmbeddings world = new ClusteredEmbeddings(64, clusters, 7);
    VectorBatch batch = world.sample(vectors, 0, 11);
    float[][] queries = world.queries(queryCount, 13);
    float[][] timingQueries = world.queries(2000, 17);
    System.out.printf(Locale.ROOT, "%,d vectors x 64, %d clusters, k=%d, lists=%d, rerank=%d, JDK %s%n",
        vectors, clusters, k, lists, rerank, Runtime.version());

    ExactIndex exact = ExactIndex.of(batch);
    Neighbours[] truth = new Neighbours[queryCount];
    long[] exactCpu = new long[queryCount];
    for (int q = 0; q < queryCount; q++) {
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      truth[q] = exact.search(queries[q], k, VectorSearcher.ACCEPT_ALL);
      exactCpu[q] = THREADS.getCurrentThreadCpuTime() - cpu0;
    }
    System.out.printf(Locale.ROOT, "exact scan top-%d: cpu p50 %.2f ms, min %.2f ms%n",
        k, percentileMs(exactCpu, 0.50), percentileMs(exactCpu, 0.0));
    exact = null;
    for (String quantized : stringArg(args, "quantized", "true").split(",")) {
      IvfSettings settings = IvfSettings.defaults().withLists(lists, Math.min(probes[0], lists))
          .withRerankDepth(rerank).withQuantized(Boolean.parseBoolean(quantized));
      measure(batch, IndexConfig.defaults().withIvf(settings), queries, truth, timingQueries, k,
          probes);
    }
  }

  private static void measure(VectorBatch batch, IndexConfig config, float[][] queries,
      Neighbours[] truth, float[][] timingQueries, int k, int[] probes) {
    long start = System.nanoTime();
    IvfIndex index = IvfIndex.build(batch, config);
    System.out.printf(Locale.ROOT, "%n== quantized=%s: build %.1f s (one thread), %.1f B/video on heap%n",
        config.ivf().quantized(), (System.nanoTime() - start) / 1e9,
        (double) index.bytesUsed() / batch.size());
    System.out.println("probes  recall@" + k + "  wall p50/p99 ms   cpu min/p50/p99 ms");
    for (int p : probes) {
      RecallMeter meter = new RecallMeter();
      for (int q = 0; q < queries.length; q++) {
        meter.add(truth[q], index.search(queries[q], k, p, VectorSearcher.ACCEPT_ALL));
      }
      for (int i = 0; i < 1000; i++) {
        index.search(timingQueries[i], k, p, VectorSearcher.ACCEPT_ALL);
      }
      long[] nanos = new long[timingQueries.length];
      long[] cpu = new long[timingQueries.length];
      for (int i = 0; i < timingQueries.length; i++) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        index.search(timingQueries[i], k, p, VectorSearcher.ACCEPT_ALL);
        nanos[i] = System.nanoTime() - t0;
        cpu[i] = THREADS.getCurrentThreadCpuTime() - cpu0;
      }
      System.out.printf(Locale.ROOT, "%6d  %9.4f  %6.2f / %6.2f   %5.2f / %5.2f / %5.2f%n", p,
          meter.recall(), percentileMs(nanos, 0.5), percentileMs(nanos, 0.99),
          percentileMs(cpu, 0.0), percentileMs(cpu, 0.5), percentileMs(cpu, 0.99));
    }
  }

  private static double percentileMs(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))] / 1e6;
  }

  private static int intArg(String[] args, String name, int fallback) {
    return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
  }

  private static String stringArg(String[] args, String name, String fallback) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return arg.substring(name.length() + 1);
      }
    }
    return fallback;
  }
}
