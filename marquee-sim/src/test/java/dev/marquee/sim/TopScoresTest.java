package dev.marquee.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TopScoresTest {

    @Property(tries = 200)
    void topK_matchesFullSort_withLowerIdWinningTies(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 20) Integer> scores,
                                                     @ForAll @IntRange(min = 1, max = 50) int k) {
        int[] ids = new int[k];
        double[] heapScores = new double[k];
        int size = 0;
        for (int id = 0; id < scores.size(); id++) {
            size = TopScores.offer(ids, heapScores, size, id, scores.get(id));
        }
        int[] expected = IntStream.range(0, scores.size()).boxed()
                .sorted(Comparator.<Integer>comparingDouble(id -> -scores.get(id)).thenComparing(id -> id))
                .limit(k).mapToInt(Integer::intValue).toArray();
        assertThat(TopScores.sortedDescending(ids, heapScores, size)).containsExactly(expected);
    }

    @Property(tries = 200)
    void longMinHeap_popsInAscendingOrder(@ForAll @Size(max = 3000) List<Long> values) {
        LongMinHeap heap = new LongMinHeap();
        values.forEach(heap::push);
        long[] popped = new long[values.size()];
        for (int i = 0; i < popped.length; i++) {
            popped[i] = heap.pop();
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(popped).containsExactly(sorted);
        assertThat(heap.isEmpty()).isTrue();
        assertThat(Arrays.equals(popped, sorted)).isTrue();
    }
}
