package dev.marquee.feed.retrieval;

import dev.marquee.core.FeedQuery;
import dev.marquee.core.Gate;
import dev.marquee.feed.FeedFeatures;

/**
 * Opens for new or anonymous users: fewer than {@code maxEngagements} lifetime clicks, views and shares
 * (unknown users have none). Serving's sources no longer use it (segment-popular runs for everyone, see
 * {@link RetrievalSources}); it stays for measurements of the new-user population.
 */
public record NewUserGate(int maxEngagements) implements Gate {
    public NewUserGate {
        if (maxEngagements < 1) {
            throw new IllegalArgumentException("maxEngagements must be >= 1, got " + maxEngagements);
        }
    }

    @Override
    public boolean open(FeedQuery query) {
        return query.features().get(FeedFeatures.USER).counts().engagements() < maxEngagements;
    }
}
