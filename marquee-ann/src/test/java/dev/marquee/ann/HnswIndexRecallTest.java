package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.ann.IndexConfig.VectorEncoding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall of the Lucene HNSW graph against the exact oracle on clustered, embedding-like vectors
 * (20k × 64, 300 power-law clusters). Figures are printed; thresholds are the targets.
 */
class HnswIndexRecallTest {

  private static final int VECTORS = 20_000;
  private static final int QUERIES = 100;

  private static ExactIndex exact;
  private static HnswIndex floatGraph;
  private static HnswIndex int8Graph;
  private static float[][] queries;
  private static Neighbours[] truth;

  @BeforeAll
  static void buildIndexes() {
    ClusteredEmbeddings world = new ClusteredEmbeddings(64, 300, 7);
    VectorBatch batch = world.sample(VECTORS, 0, 11);
    queries = world.queries(QUERIES, 13);
    exact = ExactIndex.of(batch);
    truth = new Neighbours[QUERIES];
    for (int q = 0; q < QUERIES; q++) {
      truth[q] = exact.search(queries[q], 500, VectorSearcher.ACCEPT_ALL);
    }
    // M=16 keeps this unit test fast; 20k vectors reach the target with it (1M needs M=32).
    IndexConfig config = IndexConfig.defaults().withGraph(16, 100).withEfSearch(800);
    long start = System.nanoTime();
    floatGraph = HnswIndex.build(batch, config);
    long floatMs = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    int8Graph = HnswIndex.build(batch, config.withEncoding(VectorEncoding.INT8));
    long int8Ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("built %d vectors: float %d ms (%d B/vector), int8 %d ms (%d B/vector)%n",
        VECTORS, floatMs, floatGraph.bytesUsed() / VECTORS, int8Ms, int8Graph.bytesUsed() / VECTORS);
    System.out.println("float files " + floatGraph.fileBytesByExtension());
    System.out.println("int8 files  " + int8Graph.fileBytesByExtension());
  }

  @AfterAll
  static void close() {
    floatGraph.close();
    int8Graph.close();
  }

  private static double recall(HnswIndex graph, int k, int ef) {
    RecallMeter meter = new RecallMeter();
    for (int q = 0; q < QUERIES; q++) {
      Neighbours exactTopK = truth[q].size() > k ? prefix(truth[q], k) : truth[q];
      meter.add(exactTopK, graph.search(queries[q], k, ef, VectorSearcher.ACCEPT_ALL));
    }
    return meter.recall();
  }

  private static Neighbours prefix(Neighbours all, int k) {
    return new Neighbours(
        java.util.Arrays.copyOf(all.ids(), k), java.util.Arrays.copyOf(all.scores(), k));
  }

  @Test
  void floatGraph_recallAt100_reachesTarget() {
    for (int ef : new int[] {100, 200, 400}) {
      System.out.printf("float recall@100 ef=%d: %.4f%n", ef, recall(floatGraph, 100, ef));
    }
    assertThat(recall(floatGraph, 100, 200)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void floatGraph_recallAt500_reachesTarget() {
    for (int ef : new int[] {500, 800, 1200}) {
      System.out.printf("float recall@500 ef=%d: %.4f%n", ef, recall(floatGraph, 500, ef));
    }
    assertThat(recall(floatGraph, 500, 800)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void int8Graph_recallWithRescoring_isReported() {
    for (int ef : new int[] {500, 800, 1200}) {
      System.out.printf("int8+rescore recall@500 ef=%d: %.4f%n", ef, recall(int8Graph, 500, ef));
    }
    System.out.printf("int8+rescore recall@100 ef=200: %.4f%n", recall(int8Graph, 100, 200));
    assertThat(recall(int8Graph, 500, 800)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void search_scoresAreExactDotProducts_bestFirst() {
    Neighbours result = floatGraph.search(queries[0], 50, VectorSearcher.ACCEPT_ALL);
    assertThat(result.size()).isEqualTo(50);
    for (int i = 1; i < result.size(); i++) {
      assertThat(result.score(i)).isLessThanOrEqualTo(result.score(i - 1));
    }
    Neighbours exactTop = exact.search(queries[0], 1, VectorSearcher.ACCEPT_ALL);
    assertThat(result.id(0)).isEqualTo(exactTop.id(0));
    assertThat(result.score(0)).isCloseTo(exactTop.score(0), org.assertj.core.data.Offset.offset(1e-5f));
  }

  @Test
  void search_withFilter_returnsOnlyAcceptedIds() {
    Neighbours result = floatGraph.search(queries[1], 100, id -> id % 3 == 0);
    assertThat(result.size()).isEqualTo(100);
    assertThat(java.util.Arrays.stream(result.ids())).allMatch(id -> id % 3 == 0);
    Neighbours quantized = int8Graph.search(queries[1], 100, id -> id % 3 == 0);
    assertThat(java.util.Arrays.stream(quantized.ids())).allMatch(id -> id % 3 == 0);
  }
}
