package dev.marquee.features;

/**
 * Every knob of the feature pipeline, with its default in {@link #defaults()}. Half-lives are in event time
 * (ms). Stored state depends on these values, so a snapshot records them and refuses to load under others.
 *
 * @param affinityHalfLifeMillis    user → creator/category affinity decay (default 7 days)
 * @param coWatchHalfLifeMillis     co-watch edge decay (default 7 days)
 * @param popularityHalfLifeMillis  segment and per-category popularity decay (default 24 h)
 * @param creatorUploadHalfLifeMillis creator upload-frequency decay (default 30 days)
 * @param sessionWindowMillis       two long views of one user within this form a co-watch pair (default 30 min)
 * @param historySize               recent interactions kept per user (default 50)
 * @param recentLongViews           distinct recent long views kept per user (co-watch seeds, default 20)
 * @param impressionMemory          recent impressions kept per user for fatigue counts (default 256)
 * @param coWatchNeighbours         space-saving counters, hence maximum neighbours, per video (default 100)
 * @param segmentCapacity           space-saving counters per segment, global and trending list (default 1,000)
 * @param categoryCapacity          counters per category popularity / trending list (default 500)
 * @param recentUploadsPerCategory  newest uploads kept per category (default 500)
 * @param maxCreatorAffinities      creators tracked per user, weakest evicted (default 128)
 * @param maxCategoryAffinities     categories tracked per user (default 64)
 * @param betaPriorStrength         pseudo-impressions κ of the category Beta prior (default 50)
 * @param watchedFalsePositiveRate  Bloom filter false-positive bound at capacity (default 0.01)
 * @param watchedInitialCapacity    videos in a user's first Bloom stage (default 64; stages grow 4×)
 * @param eventIdWindow             recent interaction event ids remembered for dedupe (default 2^20)
 * @param clickWeight               affinity weight of a click (default 1)
 * @param shortViewWeight           affinity weight of a view ≤ 30 s (default 0.5)
 * @param longViewWeight            affinity weight of a view > 30 s (default 2)
 * @param shareWeight               affinity weight of a share (default 3)
 */
public record FeatureStoreConfig(long affinityHalfLifeMillis, long coWatchHalfLifeMillis,
                                 long popularityHalfLifeMillis,
                                 long creatorUploadHalfLifeMillis, long sessionWindowMillis,
                                 int historySize, int recentLongViews, int impressionMemory,
                                 int coWatchNeighbours, int segmentCapacity, int categoryCapacity,
                                 int recentUploadsPerCategory, int maxCreatorAffinities, int maxCategoryAffinities,
                                 double betaPriorStrength, double watchedFalsePositiveRate, int watchedInitialCapacity,
                                 int eventIdWindow, double clickWeight, double shortViewWeight,
                                 double longViewWeight, double shareWeight) {
    private static final long DAY = 86_400_000L;

    public FeatureStoreConfig {
        positive("affinityHalfLifeMillis", affinityHalfLifeMillis);
        positive("coWatchHalfLifeMillis", coWatchHalfLifeMillis);
        positive("popularityHalfLifeMillis", popularityHalfLifeMillis);
        positive("creatorUploadHalfLifeMillis", creatorUploadHalfLifeMillis);
        positive("sessionWindowMillis", sessionWindowMillis);
        positive("historySize", historySize);
        positive("recentLongViews", recentLongViews);
        positive("impressionMemory", impressionMemory);
        positive("coWatchNeighbours", coWatchNeighbours);
        positive("segmentCapacity", segmentCapacity);
        positive("categoryCapacity", categoryCapacity);
        positive("recentUploadsPerCategory", recentUploadsPerCategory);
        positive("maxCreatorAffinities", maxCreatorAffinities);
        positive("maxCategoryAffinities", maxCategoryAffinities);
        positive("watchedInitialCapacity", watchedInitialCapacity);
        positive("eventIdWindow", eventIdWindow);
        if (!(betaPriorStrength > 0)) {
            throw new IllegalArgumentException("betaPriorStrength must be > 0, got " + betaPriorStrength);
        }
        if (!(watchedFalsePositiveRate > 0 && watchedFalsePositiveRate < 1)) {
            throw new IllegalArgumentException("watchedFalsePositiveRate must be in (0, 1), got " + watchedFalsePositiveRate);
        }
        for (double w : new double[] {clickWeight, shortViewWeight, longViewWeight, shareWeight}) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("affinity weights must be finite and >= 0, got " + w);
            }
        }
    }

    public static FeatureStoreConfig defaults() {
        return new FeatureStoreConfig(7 * DAY, 7 * DAY, DAY, 30 * DAY, 30 * 60_000L,
                50, 20, 256, 100, 1_000, 500, 500, 128, 64,
                50.0, 0.01, 64, 1 << 20, 1.0, 0.5, 2.0, 3.0);
    }

    public FeatureStoreConfig withAffinityHalfLifeMillis(long v) {
        return new FeatureStoreConfig(v, coWatchHalfLifeMillis, popularityHalfLifeMillis,
                creatorUploadHalfLifeMillis, sessionWindowMillis, historySize, recentLongViews, impressionMemory,
                coWatchNeighbours, segmentCapacity, categoryCapacity, recentUploadsPerCategory, maxCreatorAffinities,
                maxCategoryAffinities, betaPriorStrength, watchedFalsePositiveRate, watchedInitialCapacity,
                eventIdWindow, clickWeight, shortViewWeight, longViewWeight, shareWeight);
    }

    /** Shrinks every bounded structure (for tests that must exercise eviction and growth with few events). */
    public FeatureStoreConfig withSmallBounds(int bound) {
        return new FeatureStoreConfig(affinityHalfLifeMillis, coWatchHalfLifeMillis, popularityHalfLifeMillis,
                creatorUploadHalfLifeMillis, sessionWindowMillis, bound, bound, bound,
                bound, bound, bound, bound, bound, bound, betaPriorStrength, watchedFalsePositiveRate, bound,
                bound * 4, clickWeight, shortViewWeight, longViewWeight, shareWeight);
    }

    private static void positive(String name, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }
}
