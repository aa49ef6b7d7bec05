package dev.marquee.features;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;

/**
 * How many times each video was shown to one user in a time window (impression fatigue), counted from the
 * user's bounded impression memory ({@link FeatureStoreConfig#impressionMemory()} most recent impressions).
 * Immutable once built; lookups are one primitive hash probe.
 */
public final class ImpressionCounts {
    public static final ImpressionCounts EMPTY = new ImpressionCounts(new Int2IntOpenHashMap(0));

    private final Int2IntOpenHashMap counts;

    ImpressionCounts(Int2IntOpenHashMap counts) {
        this.counts = counts;
    }

    /** Impressions of {@code video} in the window; 0 when none. */
    public int count(int video) {
        return counts.get(video);
    }

    /** Number of distinct videos impressed in the window. */
    public int distinctVideos() {
        return counts.size();
    }
}
