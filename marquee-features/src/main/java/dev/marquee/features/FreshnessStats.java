package dev.marquee.features;

/**
 * Freshness of live events: time from the log's acknowledgement ({@code appendedAtMicros}) to the update
 * being readable in the store, over the sampler's recent window.
 */
public record FreshnessStats(long count, long p50Micros, long p99Micros, long maxMicros) {
    @Override
    public String toString() {
        return "freshness n=" + count + " p50=" + p50Micros / 1000.0 + " ms p99=" + p99Micros / 1000.0
                + " ms max=" + maxMicros / 1000.0 + " ms";
    }
}
