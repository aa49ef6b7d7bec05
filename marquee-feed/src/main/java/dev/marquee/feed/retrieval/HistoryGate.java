package dev.marquee.feed.retrieval;

import dev.marquee.core.FeedQuery;
import dev.marquee.core.Gate;
import dev.marquee.feed.FeedFeatures;

/** Opens for users with at least {@code minLongViews} recent long views: the seeds co-watch and content need. */
public record HistoryGate(int minLongViews) implements Gate {
    public HistoryGate {
        if (minLongViews < 1) {
            throw new IllegalArgumentException("minLongViews must be >= 1, got " + minLongViews);
        }
    }

    @Override
    public boolean open(FeedQuery query) {
        return query.features().get(FeedFeatures.USER).recentLongViews().length >= minLongViews;
    }
}
