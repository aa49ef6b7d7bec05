package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall of the IVF index against the exact oracle on clustered, embedding-like vectors (20k × 64,
 * 300 power-law clusters, 128 lists so lists hold ~150 vectors as 2048 lists do at ~300k).
 * Figures are printed; thresholds are the target.
 */
class IvfIndexRecallTest {

  private static final int VECTORS = 20_000;
  private static final int QUERIES = 100;
  private static final IvfSettings SETTINGS =
      IvfSettings.defaults().withLists(128, 16).withMinListSize(1).withRerankDepth(1000);

  private static ExactIndex exact;
  private static IvfIndex int8;
  private static IvfIndex float32;
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
    long start = System.nanoTime();
    int8 = IvfIndex.build(batch, IndexConfig.defaults().withIvf(SETTINGS));
    long int8Ms = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    float32 = IvfIndex.build(batch, IndexConfig.defaults().withIvf(SETTINGS.withQuantized(false)));
    long floatMs = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("IVF built %d vectors: int8 %d ms (%d B/vector), float %d ms (%d B/vector)%n",
        VECTORS, int8Ms, int8.bytesUsed() / VECTORS, floatMs, float32.bytesUsed() / VECTORS);
  }

  private static double recall(IvfIndex index, int k, int probes) {
    RecallMeter meter = new RecallMeter();
    for (int q = 0; q < QUERIES; q++) {
      Neighbours expected = truth[q].size() > k
          ? new Neighbours(Arrays.copyOf(truth[q].ids(), k), Arrays.copyOf(truth[q].scores(), k))
          : truth[q];
      meter.add(expected, index.search(queries[q], k, probes, VectorSearcher.ACCEPT_ALL));
    }
    return meter.recall();
  }

  @Test
  void int8_recallAt500_reachesTarget() {
    for (int probes : new int[] {4, 8, 16, 32}) {
      System.out.printf("IVF int8 recall@500 probes=%d: %.4f%n", probes, recall(int8, 500, probes));
    }
    assertThat(recall(int8, 500, 16)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void int8_recallAt100_reachesTarget() {
    assertThat(recall(int8, 100, 8)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void float_recallMatchesInt8WithRerank() {
    double floatRecall = recall(float32, 500, 16);
    System.out.printf("IVF float recall@500 probes=16: %.4f%n", floatRecall);
    assertThat(floatRecall).isGreaterThanOrEqualTo(0.95);
    assertThat(recall(int8, 500, 16)).isCloseTo(floatRecall, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void allProbes_isExact() {
    assertThat(recall(int8, 500, 128)).isGreaterThanOrEqualTo(0.999);
    assertThat(recall(float32, 500, 128)).isEqualTo(1.0);
  }

  @Test
  void search_scoresAreExactDotProducts_bestFirst() {
    Neighbours result = int8.search(queries[0], 50, VectorSearcher.ACCEPT_ALL);
    Neighbours exactTop = exact.search(queries[0], 50, VectorSearcher.ACCEPT_ALL);
    assertThat(result.size()).isEqualTo(50);
    for (int i = 1; i < result.size(); i++) {
      assertThat(result.score(i)).isLessThanOrEqualTo(result.score(i - 1));
    }
    assertThat(result.id(0)).isEqualTo(exactTop.id(0));
    assertThat(result.score(0)).isEqualTo(exactTop.score(0));
  }

  @Test
  void bytesPerVideo_int8AddsItsCodes() {
    long perVideoInt8 = int8.bytesUsed() / VECTORS;
    long perVideoFloat = float32.bytesUsed() / VECTORS;
    assertThat(perVideoInt8 - perVideoFloat).isBetween(60L, 80L);
    assertThat(perVideoInt8).isLessThan(600);
  }
}
