package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TopKHeapTest {

  @Property
  void drain_equalsSortedTopK(
      @ForAll @Size(max = 300) List<@IntRange(min = -50, max = 50) Integer> scores,
      @ForAll @IntRange(min = 1, max = 40) int k) {
    TopKHeap heap = new TopKHeap(k);
    for (int id = 0; id < scores.size(); id++) {
      heap.offer(id, scores.get(id));
    }
    int[] expected = IntStream.range(0, scores.size()).boxed()
        .sorted(Comparator.<Integer, Integer>comparing(scores::get).reversed()
            .thenComparing(Comparator.naturalOrder()))
        .limit(k).mapToInt(Integer::intValue).toArray();

    Neighbours result = heap.drainBestFirst();

    assertThat(result.ids()).containsExactly(expected);
    for (int rank = 0; rank < result.size(); rank++) {
      assertThat(result.score(rank)).isEqualTo(scores.get(result.id(rank)).floatValue());
    }
  }

  @Test
  void threshold_isWorstKeptScoreOnceFull() {
    TopKHeap heap = new TopKHeap(2);
    heap.offer(1, 0.5f);
    assertThat(heap.threshold()).isEqualTo(Float.NEGATIVE_INFINITY);
    heap.offer(2, 0.9f);
    heap.offer(3, 0.7f);
    assertThat(heap.threshold()).isEqualTo(0.7f);
    assertThat(heap.wouldAccept(0.6f)).isFalse();
  }

  @Test
  void constructor_rejectsZeroCapacity() {
    assertThatThrownBy(() -> new TopKHeap(0)).hasMessageContaining("capacity must be >= 1");
  }
}
