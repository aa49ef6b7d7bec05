package dev.marquee.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdDeduperTest {

    @Test
    void reserve_marksKnownInFlightAndRepeatedIds() {
        EventIdDeduper d = new EventIdDeduper(100);
        d.remember(1);
        long[] first = {1, 2, 3, 2};
        boolean[] dup1 = new boolean[4];
        assertThat(d.reserve(first, 4, dup1)).isEqualTo(2);
        assertThat(dup1).containsExactly(true, false, false, true);
        boolean[] dup2 = new boolean[1];
        assertThat(d.reserve(new long[] {3}, 1, dup2)).as("3 is in flight").isZero();
        d.release(first, 4, dup1, false);
        boolean[] dup3 = new boolean[2];
        assertThat(d.reserve(new long[] {2, 3}, 2, dup3)).as("a failed append is forgotten").isEqualTo(2);
        d.release(new long[] {2, 3}, 2, dup3, true);
        assertThat(d.reserve(new long[] {2, 3}, 2, dup3)).as("an acknowledged one is remembered").isZero();
    }

    @Test
    void remember_beyondCapacity_forgetsTheOldest() {
        EventIdDeduper d = new EventIdDeduper(3);
        for (long h = 1; h <= 4; h++) {
            d.remember(h);
        }
        boolean[] dup = new boolean[4];
        d.reserve(new long[] {1, 2, 3, 4}, 4, dup);
        assertThat(dup).containsExactly(false, true, true, true);
        assertThat(d.size()).isEqualTo(3);
    }
}
