package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Contract of {@link IvfIndex}: edge cases, writes, filters, determinism and bad input. */
class IvfIndexTest {

  private static final ClusteredEmbeddings WORLD = new ClusteredEmbeddings(16, 40, 3);
  private static final IndexConfig SMALL = IndexConfig.defaults().withDimension(16)
      .withIvf(IvfSettings.defaults().withLists(16, 4).withMinListSize(1).withRerankDepth(200)
          .withTraining(2_000, 8, 5L));

  private static IvfIndex build(int n, IndexConfig config) {
    return IvfIndex.build(WORLD.sample(n, 0, 21), config);
  }

  private static float[] unit(long seed) {
    return WORLD.point(new SplittableRandom(seed));
  }

  @Test
  void emptyIndex_answersEmpty_thenServesUpserts() {
    IvfIndex index = build(0, SMALL);
    assertThat(index.size()).isZero();
    assertThat(index.search(unit(1), 10, VectorSearcher.ACCEPT_ALL)).isEqualTo(Neighbours.EMPTY);
    float[] v = unit(2);
    index.upsert(7, v);
    Neighbours result = index.search(v, 10, VectorSearcher.ACCEPT_ALL);
    assertThat(result.ids()).containsExactly(7);
    assertThat(result.score(0)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
  }

  @Test
  void kLargerThanSize_returnsEveryVector_inExactOrder() {
    VectorBatch batch = WORLD.sample(50, 100, 4);
    IvfIndex index = IvfIndex.build(batch, SMALL);
    float[] query = unit(3);
    Neighbours all = index.search(query, 500, VectorSearcher.ACCEPT_ALL);
    assertThat(all).isEqualTo(ExactIndex.of(batch).search(query, 500, VectorSearcher.ACCEPT_ALL));
  }

  @Test
  void fewerVectorsThanLists_usesOneListPerVector() {
    IvfIndex index = build(5, SMALL);
    assertThat(index.listCount()).isEqualTo(5);
    assertThat(index.search(unit(4), 3, VectorSearcher.ACCEPT_ALL).size()).isEqualTo(3);
  }

  @Test
  void upsert_newId_isFoundByTheNextSearch() {
    IvfIndex index = build(2_000, SMALL);
    float[] v = unit(5);
    index.upsert(5_000, v);
    assertThat(index.size()).isEqualTo(2_001);
    assertThat(index.search(v, 1, VectorSearcher.ACCEPT_ALL).ids()).containsExactly(5_000);
  }

  @Test
  void upsert_existingId_replacesItsVector() {
    IvfIndex index = build(2_000, SMALL);
    float[] moved = unit(6);
    index.upsert(10, moved);
    assertThat(index.size()).isEqualTo(2_000);
    Neighbours result = index.search(moved, 2_000, VectorSearcher.ACCEPT_ALL);
    assertThat(result.id(0)).isEqualTo(10);
    assertThat(Arrays.stream(result.ids()).filter(id -> id == 10).count()).isEqualTo(1);
  }

  @Test
  void remove_hidesTheId_andAbsentIdsAreANoOp() {
    IvfIndex index = build(2_000, SMALL);
    float[] query = unit(7);
    int best = index.search(query, 1, VectorSearcher.ACCEPT_ALL).id(0);
    index.remove(best);
    index.remove(best);
    index.remove(99_999);
    index.remove(-1);
    assertThat(index.size()).isEqualTo(1_999);
    assertThat(index.contains(best)).isFalse();
    assertThat(index.search(query, 2_000, VectorSearcher.ACCEPT_ALL).contains(best)).isFalse();
  }

  @Test
  void emptiedLists_areSkipped_andResultsStayExactWithAllProbes() {
    VectorBatch batch = WORLD.sample(400, 0, 8);
    IvfIndex index = IvfIndex.build(batch, SMALL);
    ExactIndex oracle = ExactIndex.of(batch);
    for (int id = 0; id < 400; id += 2) {
      index.remove(id);
      oracle.remove(id);
    }
    float[] query = unit(9);
    assertThat(index.search(query, 100, 16, VectorSearcher.ACCEPT_ALL))
        .isEqualTo(oracle.search(query, 100, VectorSearcher.ACCEPT_ALL));
  }

  @Test
  void selectiveFilter_stillReturnsKWhenEnoughExist() {
    IvfIndex index = build(2_000, SMALL);
    Neighbours result = index.search(unit(10), 40, id -> id % 50 == 0);
    assertThat(result.size()).isEqualTo(40);
    assertThat(Arrays.stream(result.ids())).allMatch(id -> id % 50 == 0);
  }

  @Test
  void manyReplacements_compactTheStore_andKeepAnswersExact() {
    VectorBatch batch = WORLD.sample(300, 0, 12);
    IvfIndex index = IvfIndex.build(batch, SMALL);
    ExactIndex oracle = ExactIndex.of(batch);
    long before = index.bytesUsed();
    SplittableRandom random = new SplittableRandom(13);
    int pageRows = FloatRowStore.pageRows(index.dimension());
    for (int i = 0; i < 3 * pageRows; i++) {
      int id = random.nextInt(300);
      float[] v = WORLD.point(random);
      index.upsert(id, v);
      oracle.upsert(id, v);
    }
    assertThat(index.size()).isEqualTo(300);
    assertThat(index.bytesUsed()).isLessThan(before + 2L * pageRows * 68);
    float[] query = unit(14);
    assertThat(index.search(query, 50, 16, VectorSearcher.ACCEPT_ALL))
        .isEqualTo(oracle.search(query, 50, VectorSearcher.ACCEPT_ALL));
  }

  @Test
  void concurrentSearches_seeConsistentVersions_whileWritesRun() throws Exception {
    IvfIndex index = build(2_000, SMALL);
    java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    Thread reader = new Thread(() -> {
      float[] query = unit(20);
      try {
        while (writing.get()) {
          Neighbours result = index.search(query, 300, VectorSearcher.ACCEPT_ALL);
          if (Arrays.stream(result.ids()).distinct().count() != result.size()) {
            throw new AssertionError("duplicate ids in " + result);
          }
          for (int i = 1; i < result.size(); i++) {
            if (result.score(i) > result.score(i - 1)) {
              throw new AssertionError("not best-first at " + i);
            }
          }
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    reader.start();
    SplittableRandom random = new SplittableRandom(21);
    for (int i = 0; i < 3_000; i++) {
      int id = random.nextInt(2_500);
      if (random.nextInt(4) == 0) {
        index.remove(id);
      } else {
        index.upsert(id, WORLD.point(random));
      }
    }
    writing.set(false);
    reader.join();
    assertThat(failure.get()).isNull();
  }

  @Test
  void sameSeed_buildsTheSameIndex() {
    VectorBatch batch = WORLD.sample(3_000, 0, 15);
    IvfIndex first = IvfIndex.build(batch, SMALL);
    IvfIndex second = IvfIndex.build(batch, SMALL);
    for (int q = 0; q < 5; q++) {
      float[] query = unit(100 + q);
      assertThat(second.search(query, 30, 2, VectorSearcher.ACCEPT_ALL))
          .isEqualTo(first.search(query, 30, 2, VectorSearcher.ACCEPT_ALL));
    }
  }

  @Test
  void badInput_isRejectedWithAPreciseMessage() {
    IvfIndex index = build(100, SMALL);
    assertThatThrownBy(() -> index.search(new float[8], 5, VectorSearcher.ACCEPT_ALL))
        .hasMessageContaining("query has dimension 8, index expects 16");
    assertThatThrownBy(() -> index.search(unit(1), 0, VectorSearcher.ACCEPT_ALL))
        .hasMessageContaining("k must be >= 1");
    assertThatThrownBy(() -> index.upsert(-3, unit(1))).hasMessageContaining("video id must be >= 0");
    assertThatThrownBy(() -> index.upsert(1, new float[16])).hasMessageContaining("L2-normalised");
    assertThatThrownBy(() -> IvfIndex.build(WORLD.sample(10, 0, 1), IndexConfig.defaults()))
        .hasMessageContaining("batch has dimension 16, config expects 64");
  }
}
