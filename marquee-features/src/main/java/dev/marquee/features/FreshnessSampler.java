package dev.marquee.features;

import java.util.Arrays;

/**
 * Keeps the last {@code window} freshness samples (µs) in a ring and computes exact percentiles over them on
 * demand by sorting a copy: no histogram library, bounded memory, good enough for bench reports. Recording
 * is writer-thread only; {@link #stats()} synchronizes with it.
 */
final class FreshnessSampler {
    private final long[] ring;
    private int head;
    private long count;

    FreshnessSampler(int window) {
        ring = new long[window];
    }

    synchronized void record(long micros) {
        ring[head] = micros;
        head = (head + 1) % ring.length;
        count++;
    }

    synchronized FreshnessStats stats() {
        int n = (int) Math.min(count, ring.length);
        if (n == 0) {
            return new FreshnessStats(0, 0, 0, 0);
        }
        long[] copy = Arrays.copyOf(ring, n);
        Arrays.sort(copy);
        return new FreshnessStats(count, copy[(int) Math.ceil(0.50 * n) - 1], copy[(int) Math.ceil(0.99 * n) - 1], copy[n - 1]);
    }

    synchronized void reset() {
        head = 0;
        count = 0;
    }
}
