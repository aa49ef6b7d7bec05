package dev.marquee.features;

/**
 * Everything the funnel reads about one user, as of log offset {@code offset} and read time {@code nowMillis}
 * (decayed values are evaluated at that time). An unknown or forgotten user reads as {@link #unknown}: a new
 * user, not an error. Watched-set membership is live (it may already include long views after
 * {@code offset}); everything else is a private copy.
 *
 * @param offset              log offset of the last event applied when this was read (-1: none)
 * @param user                dense user id, -1 when unknown
 * @param ageBand             profile attribute, null when unknown (likewise country, device)
 * @param language            dominant language of the user's long views once there are 3, else null
 * @param lastActivityMillis  event time of the latest interaction, {@link Long#MIN_VALUE} when none
 * @param recent              last engagements (clicks, views, shares; impressions live in the fatigue memory)
 * @param recentLongViews     distinct recently long-viewed videos, newest first (co-watch seeds)
 * @param recentLongViewTimes their event times
 * @param creators            decayed creator affinities
 * @param categories          decayed category affinities
 * @param watched             long-viewed videos (Bloom filter: false positives ≤ 1%, no false negatives)
 * @param impressionsLast24h  impressions per video in (now − 24 h, now]
 */
public record UserFeatures(long offset, long nowMillis, int user, String ageBand, String country, String device,
                           String language, long lastActivityMillis, InteractionCounts counts,
                           InteractionHistory recent, int[] recentLongViews, long[] recentLongViewTimes,
                           Affinities creators, Affinities categories, WatchedSet watched,
                           ImpressionCounts impressionsLast24h) {

    public static UserFeatures unknown(long offset, long nowMillis) {
        return new UserFeatures(offset, nowMillis, -1, null, null, null, null, Long.MIN_VALUE, InteractionCounts.ZERO,
                InteractionHistory.EMPTY, new int[0], new long[0], Affinities.EMPTY, Affinities.EMPTY,
                WatchedSet.EMPTY, ImpressionCounts.EMPTY);
    }

    /** Whether the store has any state for this user. */
    public boolean known() {
        return user >= 0;
    }

    public boolean hasWatched(int video) {
        return watched.mightContain(video);
    }

    public int impressionsLast24h(int video) {
        return impressionsLast24h.count(video);
    }

    public double creatorAffinity(int creator) {
        return creators.get(creator);
    }

    public double categoryAffinity(int category) {
        return categories.get(category);
    }

    /** The user's finest popularity segment (global when the profile is unknown). */
    public SegmentKey segment() {
        return SegmentKey.finest(country, device, ageBand);
    }
}
