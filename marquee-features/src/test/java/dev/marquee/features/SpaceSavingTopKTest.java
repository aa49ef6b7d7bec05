package dev.marquee.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpaceSavingTopKTest {
    private static final long H = 3_600_000L;
    private static final Decay SLOW = new Decay(1_000 * 24 * H);

    @Test
    void exact_whileDistinctItemsFit() {
        SpaceSavingTopK k = new SpaceSavingTopK(10, SLOW);
        for (int i = 0; i < 10; i++) {
            for (int r = 0; r <= i; r++) {
                k.add(i, 0, 1.0);
            }
        }
        int[] items = new int[10];
        double[] scores = new double[10];
        assertThat(k.top(10, 0, items, scores, 0)).isEqualTo(10);
        assertThat(items).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        assertThat(scores[0]).isEqualTo(10.0);
        assertThat(k.get(3, 0)).isEqualTo(4.0);
    }

    @Test
    void neverExceedsCapacity_andFindsHeavyHitters() {
        for (int capacity : new int[] {100, 1000}) { // linear scan and hash-indexed variants
            SpaceSavingTopK k = new SpaceSavingTopK(capacity, SLOW);
            Random rnd = new Random(capacity);
            int maxSize = 0;
            for (int i = 0; i < 200_000; i++) {
                int item = rnd.nextInt(10) == 0 ? rnd.nextInt(5) : 1000 + rnd.nextInt(50_000); // 5 heavy hitters, 10% of traffic
                k.add(item, i, 1.0);
                maxSize = Math.max(maxSize, k.size());
            }
            assertThat(maxSize).isEqualTo(capacity);
            int[] items = new int[5];
            k.top(5, 200_000, items, new double[5], 0);
            assertThat(items).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        }
    }

    @Test
    void recentItemOvertakesOldOne_underDecay() {
        SpaceSavingTopK k = new SpaceSavingTopK(4, new Decay(H));
        for (int i = 0; i < 10; i++) {
            k.add(1, 0, 1.0);
        }
        for (int i = 0; i < 3; i++) {
            k.add(2, 2 * H, 1.0);
        }
        int[] items = new int[2];
        double[] scores = new double[2];
        k.top(2, 2 * H, items, scores, 0);
        assertThat(items).containsExactly(2, 1);
        assertThat(scores[1]).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void renormalisation_keepsDecayedValues() {
        SpaceSavingTopK k = new SpaceSavingTopK(4, new Decay(H));
        k.add(1, 0, 1.0);
        k.add(2, 100 * H, 1.0); // far past 64 half-lives: landmark moves
        assertThat(k.get(2, 101 * H)).isCloseTo(0.5, within(1e-12));
        assertThat(k.get(1, 1 * H)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void top_equalsAFullSortByCountThenItem_forEveryPrefixLength() {
        Random random = new Random(5);
        SpaceSavingTopK k = new SpaceSavingTopK(500, SLOW);
        for (int e = 0; e < 20_000; e++) {
            k.add(random.nextInt(800), 0, 1 + random.nextInt(3));
        }
        int n = k.size();
        int[] all = new int[n];
        double[] allScores = new double[n];
        k.top(n, 0, all, allScores, 0);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int cmp = Double.compare(allScores[b], allScores[a]);
            return cmp != 0 ? cmp : Integer.compare(all[a], all[b]);
        });
        for (int i = 0; i < n; i++) {
            assertThat(order[i]).as("full list sorted by count desc, item asc").isEqualTo(i);
        }
        for (int m : new int[] {1, 7, 100, 499, 500}) {
            int[] items = new int[m + 2];
            double[] scores = new double[m + 2];
            assertThat(k.top(m, 0, items, scores, 2)).isEqualTo(Math.min(m, n));
            for (int i = 0; i < Math.min(m, n); i++) {
                assertThat(items[2 + i]).isEqualTo(all[i]);
                assertThat(scores[2 + i]).isEqualTo(allScores[i]);
            }
        }
    }
}
