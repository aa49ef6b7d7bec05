package dev.marquee.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SimRandomTest {

    @Test
    void sameSeed_givesSameSequence_andStreamsDiffer() {
        SimRandom a = SimRandom.stream(7, 1, 0);
        SimRandom b = SimRandom.stream(7, 1, 0);
        SimRandom other = SimRandom.stream(7, 1, 1);
        long[] first = new long[20];
        boolean differs = false;
        for (int i = 0; i < first.length; i++) {
            first[i] = a.nextLong();
            assertThat(b.nextLong()).isEqualTo(first[i]);
            differs |= other.nextLong() != first[i];
        }
        assertThat(differs).isTrue();
    }

    @Property(tries = 200)
    void nextInt_staysInBounds(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_000_000) int bound) {
        SimRandom rng = new SimRandom(seed);
        for (int i = 0; i < 50; i++) {
            assertThat(rng.nextInt(bound)).isBetween(0, bound - 1);
            assertThat(rng.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }

    @Test
    void nextWeighted_followsWeights_andNeverPicksZeroWeight() {
        SimRandom rng = new SimRandom(3);
        double[] cumulative = Demographics.cumulative(0, 1, 3);
        int[] counts = new int[3];
        for (int i = 0; i < 40_000; i++) {
            counts[rng.nextWeighted(cumulative)]++;
        }
        assertThat(counts[0]).isZero();
        assertThat(counts[2] / (double) counts[1]).isBetween(2.7, 3.3);
    }

    @Test
    void nextInt_rejectsNonPositiveBound() {
        assertThatThrownBy(() -> new SimRandom(1).nextInt(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bound must be positive, got 0");
    }
}
