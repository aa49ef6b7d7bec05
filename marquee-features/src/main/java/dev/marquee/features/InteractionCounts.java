package dev.marquee.features;

/** Lifetime interaction totals of one user (views include long views). */
public record InteractionCounts(long impressions, long clicks, long views, long longViews, long shares) {
    public static final InteractionCounts ZERO = new InteractionCounts(0, 0, 0, 0, 0);

    /** Clicks, views and shares: the engagements that build history. */
    public long engagements() {
        return clicks + views + shares;
    }
}
