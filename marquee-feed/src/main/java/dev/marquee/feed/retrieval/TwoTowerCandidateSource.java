package dev.marquee.feed.retrieval;

import dev.marquee.ann.Neighbours;
import dev.marquee.ann.VectorIndex;
import dev.marquee.ann.VectorSearcher;
import dev.marquee.core.Candidate;
import dev.marquee.core.CandidateSource;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.UserFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * The main retrieval path (Covington et al., "Deep Neural Networks for YouTube Recommendations", RecSys 2016;
 * Yi et al., RecSys 2019): maximum-inner-product search of the user's two-tower embedding
 * ({@link FeedFeatures#USER_EMBEDDING}, computed from their current features) over the item-embedding index,
 * top {@link RetrievalConfig#twoTowerK()} among eligible videos (filtered after an over-fetching search, see
 * {@code Eligibility}); the score is the dot product. Returns nothing when no model is loaded (no embedding,
 * or no index yet), so it degrades instead of failing.
 */
public final class TwoTowerCandidateSource implements CandidateSource {
    public static final ComponentId ID = ComponentId.of("two-tower");

    private final Supplier<Optional<VectorIndex>> index;
    private final VideoCatalogue catalogue;
    private final RetrievalConfig config;

    /**
     * @param index the item index of the model whose embeddings {@link FeedFeatures#USER_EMBEDDING} holds,
     *              e.g. {@code () -> indexes.current().map(IndexGeneration::items)}
     */
    public TwoTowerCandidateSource(Supplier<Optional<VectorIndex>> index, VideoCatalogue catalogue, RetrievalConfig config) {
        this.index = Objects.requireNonNull(index, "index");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public List<Candidate> fetch(FeedQuery query) {
        float[] embedding = query.features().getOrDefault(FeedFeatures.USER_EMBEDDING, null);
        Optional<VectorIndex> items = index.get();
        if (embedding == null || items.isEmpty() || items.get().dimension() != embedding.length) {
            return List.of(); // no model yet, or a model swap raced this request: the other sources cover it
        }
        UserFeatures user = query.features().getOrDefault(FeedFeatures.USER, null);
        int k = config.twoTowerK();
        Neighbours found = items.get().search(embedding, Eligibility.overfetch(user, k, config.excludeWatched()),
                VectorSearcher.ACCEPT_ALL);
        IntPredicate eligible = Eligibility.of(catalogue, user, config.excludeWatched());
        List<Candidate> out = new ArrayList<>(Math.min(k, found.size()));
        String source = ID.name();
        for (int i = 0; i < found.size() && out.size() < k; i++) {
            if (eligible.test(found.id(i))) {
                out.add(Candidate.from(found.id(i), source, found.score(i)));
            }
        }
        return out;
    }
}
