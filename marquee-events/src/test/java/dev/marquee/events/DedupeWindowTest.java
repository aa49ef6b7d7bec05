package dev.marquee.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DedupeWindowTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void contains_addedIds_evenPastManyResizes() {
        DedupeWindow w = new DedupeWindow(Duration.ofHours(24), 1_000_000);
        for (long i = 1; i <= 100_000; i++) {
            w.add(i * 0x9E3779B97F4A7C15L, TestEvents.T0);
        }
        for (long i = 1; i <= 100_000; i++) {
            assertThat(w.contains(i * 0x9E3779B97F4A7C15L)).isTrue();
        }
        assertThat(w.contains(12345)).isFalse();
    }

    @Test
    void contains_zeroHash_isSupported() {
        DedupeWindow w = new DedupeWindow(Duration.ofHours(1), 100);
        assertThat(w.contains(0)).isFalse();
        w.add(0, TestEvents.T0);
        assertThat(w.contains(0)).isTrue();
    }

    @Test
    void ids_expireOnceNewerEventsMoveTheWindowPast() {
        DedupeWindow w = new DedupeWindow(Duration.ofHours(24), 1000);
        w.add(h(1), TestEvents.T0);
        w.add(h(2), TestEvents.T0 + 23 * HOUR);
        assertThat(w.contains(h(1))).isTrue();
        w.add(h(3), TestEvents.T0 + 26 * HOUR);
        assertThat(w.contains(h(1))).isFalse();
        assertThat(w.contains(h(2))).isTrue();
    }

    @Test
    void add_olderThanWindow_isIgnored() {
        DedupeWindow w = new DedupeWindow(Duration.ofHours(1), 1000);
        w.add(h(1), TestEvents.T0 + 10 * HOUR);
        w.add(h(2), TestEvents.T0);
        assertThat(w.contains(h(2))).isFalse();
    }

    @Test
    void overMaxIds_forgetsOldestBucketsFirst_andStaysBounded() {
        DedupeWindow w = new DedupeWindow(Duration.ofHours(24), 1000);
        for (int i = 1; i <= 1500; i++) {
            w.add(h(i), TestEvents.T0);
        }
        for (int i = 1501; i <= 2500; i++) {
            w.add(h(i), TestEvents.T0 + 5 * HOUR);
        }
        assertThat(w.contains(h(1501))).isTrue();
        assertThat(w.contains(h(2500))).isTrue();
        assertThat(w.contains(h(1))).isFalse();
        assertThat(w.size()).isLessThanOrEqualTo(1000);
    }

    @Test
    void timeJumpOfManyWindows_doesNotResurrectOldIds() {
        DedupeWindow w = new DedupeWindow(Duration.ofHours(24), 1000);
        w.add(h(1), TestEvents.T0);
        w.add(h(2), TestEvents.T0 + 256 * HOUR);
        assertThat(w.contains(h(1))).isFalse();
        assertThat(w.contains(h(2))).isTrue();
        w.add(h(3), TestEvents.T0 + 512 * HOUR + 1);
        assertThat(w.contains(h(2))).isFalse();
        assertThat(w.contains(h(3))).isTrue();
    }

    /** A well-mixed hash, as {@link EventIdHash} produces. */
    private static long h(long i) {
        return i * 0x9E3779B97F4A7C15L;
    }
}
