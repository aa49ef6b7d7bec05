package dev.marquee.feed.ranking;

import dev.marquee.core.Feature;
import dev.marquee.core.FeedQuery;

/** Query-level features the ranking stage writes or reads. */
public final class RankingFeatures {
    private RankingFeatures() {
    }

    /** What the ranker saw and predicted in this request; absent when ranking fell back. */
    public static final Feature<FeedQuery, RankerRows> RANKER_ROWS =
            Feature.of("ranker_rows", FeedQuery.class, RankerRows.class);

    /** The experiment variant the request was assigned (set by the experiment layer); absent outside experiments. */
    public static final Feature<FeedQuery, String> EXPERIMENT_VARIANT =
            Feature.of("experiment_variant", FeedQuery.class, String.class);
}
