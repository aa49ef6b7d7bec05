package dev.marquee.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatchedSetTest {
    @Test
    void noFalseNegatives_andFalsePositiveRateAtMostOnePercentAtCapacity() {
        // Stage capacities 64, 256, 1024: at 1344 insertions every stage is exactly full.
        for (int inserted : new int[] {64, 320, 1344, 20_000}) {
            WatchedSet w = new WatchedSet(64, 0.01);
            for (int v = 0; v < inserted; v++) {
                w.add(v * 7);
            }
            for (int v = 0; v < inserted; v++) {
                assertThat(w.mightContain(v * 7)).isTrue();
            }
            int probes = 200_000;
            int falsePositives = 0;
            for (int p = 0; p < probes; p++) {
                int absent = 100_000_000 + p;
                falsePositives += w.mightContain(absent) ? 1 : 0;
            }
            double fpr = (double) falsePositives / probes;
            System.out.printf("watched set: %,d videos, measured FPR %.4f%%, ~%,d bytes%n", inserted, fpr * 100, w.estimateBytes());
            assertThat(fpr).isLessThanOrEqualTo(0.01);
            // an insert the filter already reports as present (a false positive) is not re-added
            assertThat(w.insertedCount()).isBetween((int) (inserted * 0.99), inserted);
        }
    }

    @Test
    void emptySet_containsNothing() {
        assertThat(WatchedSet.EMPTY.mightContain(1)).isFalse();
    }
}
