package dev.marquee.feed.hydration;

import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.IdDictionary;
import dev.marquee.core.QueryHydrator;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.UserFeatures;
import dev.marquee.models.twotower.TwoTowerModel;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Computes the user's two-tower embedding from {@link FeedFeatures#USER} (so it must run after
 * {@link UserFeaturesHydrator}) and stores it in {@link FeedFeatures#USER_EMBEDDING}. Because the input is the
 * user's current history, a click a second ago already moves the embedding: no precomputed user vectors.
 *
 * <p>The model comes from a supplier rather than the model holder because the embedding must live in the
 * same space as the item index it is searched against: wire it to the model the index currently serves
 * (see {@code RetrievalIndexes#servingModel}), which lags a freshly promoted model until its index is rebuilt.
 * With no model the feature is left absent and two-tower retrieval stays gated off.
 */
public final class UserEmbeddingHydrator implements QueryHydrator {
    public static final ComponentId ID = ComponentId.of("user-embedding");

    private final Supplier<Optional<TwoTowerModel>> model;
    private final IdDictionary videos;
    private final HistoryWeighting weighting;

    public UserEmbeddingHydrator(Supplier<Optional<TwoTowerModel>> model, IdDictionary videos, HistoryWeighting weighting) {
        this.model = Objects.requireNonNull(model, "model");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.weighting = Objects.requireNonNull(weighting, "weighting");
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public void hydrate(FeedQuery query) {
        Optional<TwoTowerModel> current = model.get();
        if (current.isEmpty()) {
            return;
        }
        TwoTowerModel m = current.get();
        UserFeatures user = query.features().get(FeedFeatures.USER);
        float[] embedding = m.embedUsers(UserTowerInputs.forModel(m, videos, weighting).of(user));
        query.features().put(FeedFeatures.USER_EMBEDDING, embedding);
    }
}
