package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExactIndexTest {

  private final ClusteredEmbeddings world = new ClusteredEmbeddings(64, 20, 3);

  @Test
  void search_matchesSortingAllDotProducts() {
    VectorBatch batch = world.sample(3_000, 0, 5);
    ExactIndex index = ExactIndex.of(batch);
    float[] query = world.queries(1, 9)[0];
    double[] dots = new double[batch.size()];
    for (int row = 0; row < batch.size(); row++) {
      float[] v = batch.vector(row);
      for (int i = 0; i < 64; i++) {
        dots[row] += (double) query[i] * v[i];
      }
    }
    int[] expected = IntStream.range(0, batch.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer row) -> -dots[row]))
        .limit(50).mapToInt(row -> batch.ids()[row]).toArray();

    Neighbours result = index.search(query, 50, VectorSearcher.ACCEPT_ALL);

    assertThat(result.ids()).containsExactly(expected);
    assertThat((double) result.score(0)).isCloseTo(dots[expected[0]], within(1e-5));
  }

  @Test
  void upsert_replacesVectorOfExistingId() {
    ExactIndex index = new ExactIndex(64);
    float[] a = world.point(new SplittableRandom(1));
    float[] b = world.point(new SplittableRandom(2));
    index.upsert(7, a);
    index.upsert(7, b);

    Neighbours result = index.search(b, 5, VectorSearcher.ACCEPT_ALL);

    assertThat(index.size()).isEqualTo(1);
    assertThat(result.ids()).containsExactly(7);
    assertThat(result.score(0)).isCloseTo(1f, within(1e-5f));
  }

  @Test
  void remove_hidesIdAndKeepsOthersSearchable() {
    VectorBatch batch = world.sample(100, 0, 5);
    ExactIndex index = ExactIndex.of(batch);

    index.remove(0);
    index.remove(42);
    index.remove(1_000); // absent: no-op

    Neighbours all = index.search(batch.vector(99), 100, VectorSearcher.ACCEPT_ALL);
    assertThat(all.size()).isEqualTo(98);
    assertThat(all.contains(0)).isFalse();
    assertThat(all.contains(42)).isFalse();
    assertThat(all.id(0)).isEqualTo(99);
    assertThat(index.contains(42)).isFalse();
  }

  @Test
  void search_appliesAcceptFilter() {
    ExactIndex index = ExactIndex.of(world.sample(500, 0, 5));

    Neighbours result = index.search(world.queries(1, 1)[0], 30, id -> id % 2 == 1);

    assertThat(result.size()).isEqualTo(30);
    assertThat(Arrays.stream(result.ids())).allMatch(id -> id % 2 == 1);
  }

  @Test
  void snapshot_roundTripsEveryVector() {
    VectorBatch batch = world.sample(50, 100, 5);
    VectorBatch copy = ExactIndex.of(batch).snapshot();

    assertThat(copy.ids()).containsExactly(batch.ids());
    assertThat(copy.vectors()).containsExactly(batch.vectors());
  }

  @Test
  void badInput_isRejectedWithPreciseMessage() {
    ExactIndex index = new ExactIndex(4);
    assertThatThrownBy(() -> index.upsert(1, new float[] {1, 0, 0}))
        .hasMessageContaining("dimension 3, index expects 4");
    assertThatThrownBy(() -> index.upsert(1, new float[] {2, 0, 0, 0}))
        .hasMessageContaining("must be L2-normalised");
    assertThatThrownBy(() -> index.upsert(1, new float[] {Float.NaN, 0, 0, 0}))
        .hasMessageContaining("non-finite");
    assertThatThrownBy(() -> index.upsert(-3, new float[] {1, 0, 0, 0}))
        .hasMessageContaining("id must be >= 0");
    assertThatThrownBy(() -> index.search(new float[] {1, 0, 0, 0}, 0, VectorSearcher.ACCEPT_ALL))
        .hasMessageContaining("k must be >= 1");
    assertThatThrownBy(() -> index.search(new float[] {1, 0}, 3, VectorSearcher.ACCEPT_ALL))
        .hasMessageContaining("query has dimension 2");
  }

  @Test
  void emptyIndex_returnsEmptyResult() {
    assertThat(new ExactIndex(64).search(world.queries(1, 1)[0], 10, VectorSearcher.ACCEPT_ALL))
        .isEqualTo(Neighbours.EMPTY);
  }
}
