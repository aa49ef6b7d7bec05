package dev.marquee.ann;

import dev.marquee.ann.IndexConfig.VectorEncoding;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measurement for issue 4's ANN target (not a unit test): N × 64-d clustered embeddings, Lucene HNSW
 * with float and int8 vectors against the exact oracle. Prints build time, bytes per video, and for
 * each ef the recall@k and single-thread query latency p50/p99.
 *
 * <p>Run from /work/main after {@code ./mvnw -q -pl marquee-ann test-compile}:
 * <pre>
 * java -Xmx8g --add-modules jdk.incubator.vector -cp marquee-ann/target/test-classes:\
 *   marquee-ann/target/classes:$(cat marquee-ann/target/cp.txt) dev.marquee.ann.AnnRecallMeasurement \
 *   [vectors=1000000] [clusters=1000] [decay=0.5] [k=500] [efs=500,700,1000,1500] [queries=300]
 *   [M=16] [beam=100] [encodings=FLOAT32,INT8]
 * </pre>
 */
public final class AnnRecallMeasurement {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private AnnRecallMeasurement() {}

  public static void main(String[] args) {
    int vectors = intArg(args, "vectors", 1_000_000);
    int clusters = intArg(args, "clusters", 1000);
    int k = intArg(args, "k", 500);
    int queryCount = intArg(args, "queries", 300);
    int maxConn = intArg(args, "M", 16);
    int beam = intArg(args, "beam", 100);
    int[] efs = Arrays.stream(stringArg(args, "efs", "500,700,1000,1500").split(","))
        .mapToInt(Integer::parseInt).toArray();
    String encodings = stringArg(args, "encodings", "FLOAT32,INT8");

    double decay = Double.parseDouble(
        stringArg(args, "decay", Double.toString(ClusteredEmbeddings.DEFAULT_SPECTRUM_DECAY)));
    ClusteredEmbeddings world = new ClusteredEmbeddings(64, clusters, decay, 7);
    VectorBatch batch = world.sample(vectors, 0, 11);
    float[][] queries = world.queries(queryCount, 13);
    float[][] timingQueries = world.queries(2000, 17);
    System.out.printf(Locale.ROOT,
        "%,d vectors x 64, %d clusters, spectrum decay %.2f, k=%d, M=%d, beamWidth=%d, JDK %s%n",
        vectors, clusters, decay, k, maxConn, beam, Runtime.version());

    ExactIndex exact = ExactIndex.of(batch);
    Neighbours[] truth = new Neighbours[queryCount];
    long[] exactNanos = new long[queryCount];
    for (int q = 0; q < queryCount; q++) {
      long start = System.nanoTime();
      truth[q] = exact.search(queries[q], k, VectorSearcher.ACCEPT_ALL);
      exactNanos[q] = System.nanoTime() - start;
    }
    System.out.printf(Locale.ROOT, "exact (Vector API brute force) top-%d: p50 %.2f ms, p99 %.2f ms%n",
        k, percentileMs(exactNanos, 0.50), percentileMs(exactNanos, 0.99));
    exact = null;

    IndexConfig base = IndexConfig.defaults().withGraph(maxConn, beam);
    base = new IndexConfig(base.dimension(), base.maxConn(), base.beamWidth(), base.efSearch(),
        base.encoding(), base.rescore(), base.storage(), base.workDirectory(),
        base.deltaRebuildThreshold(), 1900);
    for (String name : encodings.split(",")) {
      measure(batch, base.withEncoding(VectorEncoding.valueOf(name)), queries, truth,
          timingQueries, k, efs);
    }
  }

  private static void measure(VectorBatch batch, IndexConfig config, float[][] queries,
      Neighbours[] truth, float[][] timingQueries, int k, int[] efs) {
    long start = System.nanoTime();
    try (HnswIndex graph = HnswIndex.build(batch, config)) {
      double buildSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT,
          "%n== %s: build %.1f s (one thread), index %.1f B/video (files %s), on heap %.1f B/video%n",
          config.encoding(), buildSeconds, (double) graph.bytesUsed() / batch.size(),
          graph.fileBytesByExtension(), (double) graph.heapBytesUsed() / batch.size());
      System.out.println("   ef   recall@" + k + "   wall p50/p99 ms   cpu p50/p99 ms   (one thread, top-"
          + k + "; cpu = thread CPU time, robust to a shared box)");
      for (int ef : efs) {
        RecallMeter meter = new RecallMeter();
        for (int q = 0; q < queries.length; q++) {
          meter.add(truth[q], graph.search(queries[q], k, ef, VectorSearcher.ACCEPT_ALL));
        }
        for (int i = 0; i < 500; i++) { // warm-up
          graph.search(timingQueries[i], k, ef, VectorSearcher.ACCEPT_ALL);
        }
        long[] nanos = new long[timingQueries.length];
        long[] cpuNanos = new long[timingQueries.length];
        for (int i = 0; i < timingQueries.length; i++) {
          long cpu0 = THREADS.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          graph.search(timingQueries[i], k, ef, VectorSearcher.ACCEPT_ALL);
          nanos[i] = System.nanoTime() - t0;
          cpuNanos[i] = THREADS.getCurrentThreadCpuTime() - cpu0;
        }
        System.out.printf(Locale.ROOT, "%5d   %9.4f   %6.2f / %6.2f   %6.2f / %6.2f%n", ef,
            meter.recall(), percentileMs(nanos, 0.50), percentileMs(nanos, 0.99),
            percentileMs(cpuNanos, 0.50), percentileMs(cpuNanos, 0.99));
      }
    }
  }

  private static double percentileMs(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
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
