package dev.marquee.sim;

/**
 * What a history generation wrote, by event type, for cross-checking {@code marquee stats}.
 *
 * @param events     all events handed to the log
 * @param longViews  views with watchSeconds &gt; 30
 * @param requests   feed requests served by the policy (each yields ≤ feedSize impressions)
 * @param duplicates events the log acknowledged as already present (non-zero means ids collided with earlier data)
 */
public record HistoryStats(long events, long videoUpserts, long userUpserts, long impressions, long clicks, long views,
                           long longViews, long shares, long sessions, long requests, long duplicates) {

    public double clickThroughRate() {
        return impressions == 0 ? 0 : (double) clicks / impressions;
    }

    /** Long views per click. */
    public double longViewRate() {
        return clicks == 0 ? 0 : (double) longViews / clicks;
    }

    /** Shares per long view. */
    public double shareRate() {
        return longViews == 0 ? 0 : (double) shares / longViews;
    }
}
