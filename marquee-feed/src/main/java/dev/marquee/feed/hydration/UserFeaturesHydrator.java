package dev.marquee.feed.hydration;

import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.QueryHydrator;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.FeatureStore;
import java.util.Objects;

/**
 * Reads the requesting user's features once, at the request's time, into {@link FeedFeatures#USER}, so
 * every later stage sees the same snapshot. An unknown user reads as a new user, never as an error.
 */
public final class UserFeaturesHydrator implements QueryHydrator {
    public static final ComponentId ID = ComponentId.of("user-features");

    private final FeatureStore store;

    public UserFeaturesHydrator(FeatureStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public void hydrate(FeedQuery query) {
        query.features().put(FeedFeatures.USER, store.user(query.userId(), query.nowMillis()));
    }
}
