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
import dev.marquee.models.twotower.FreshTierPolicy;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code Eligibility}); the score is the dot product. When the serving model has a {@link FreshTierPolicy}, videos it
 * never trained on are searched in the generation's fresh tier and merged by {@link FreshTierMerge} (calibrated
 * score, capped share of K). Returns nothing when no model is loaded (no embedding,
 * or no index yet), so it degrades instead of failing.
 */
public final class TwoTowerCandidateSource implements CandidateSource {
    public static final ComponentId ID = ComponentId.of("two-tower");

    private final Supplier<Optional<Tiers>> tiers;
    private final VideoCatalogue catalogue;
    private final RetrievalConfig config;

    /** What one search reads: the trained tier, and the fresh tier with its policy (both null without one). */
    private record Tiers(VectorIndex items, VectorSearcher fresh, FreshTierPolicy policy) {
    }

    /**
     * A source over one item index, no fresh tier.
     *
     * @param index the item index of the model whose embeddings {@link FeedFeatures#USER_EMBEDDING} holds,
     *              e.g. {@code () -> indexes.current().map(IndexGeneration::items)}
     */
    public TwoTowerCandidateSource(Supplier<Optional<VectorIndex>> index, VideoCatalogue catalogue, RetrievalConfig config) {
        this(catalogue, config, untiered(Objects.requireNonNull(index, "index")));
    }

    private static Supplier<Optional<Tiers>> untiered(Supplier<Optional<VectorIndex>> index) {
        return () -> index.get().map(i -> new Tiers(i, null, null));
    }

    private TwoTowerCandidateSource(VideoCatalogue catalogue, RetrievalConfig config, Supplier<Optional<Tiers>> tiers) {
        this.tiers = tiers;
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * A source over the serving generation: its trained tier and, when its model has a {@link FreshTierPolicy},
     * its fresh tier, merged by {@link FreshTierMerge} (the rule the training job's evaluation measures).
     *
     * @param generation e.g. {@code indexes::current}
     */
    public static TwoTowerCandidateSource tiered(Supplier<Optional<IndexGeneration>> generation, VideoCatalogue catalogue,
                                                 RetrievalConfig config) {
        Objects.requireNonNull(generation, "generation");
        return new TwoTowerCandidateSource(catalogue, config,
                () -> generation.get().map(g -> new Tiers(g.items(), g.fresh(), g.policy())));
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public List<Candidate> fetch(FeedQuery query) {
        float[] embedding = query.features().getOrDefault(FeedFeatures.USER_EMBEDDING, null);
        Optional<Tiers> found = tiers.get();
        if (embedding == null || found.isEmpty() || found.get().items().dimension() != embedding.length) {
            return List.of(); // no model yet, or a model swap raced this request: the other sources cover it
        }
        Tiers t = found.get();
        UserFeatures user = query.features().getOrDefault(FeedFeatures.USER, null);
        int k = config.twoTowerK();
        IntPredicate eligible = Eligibility.of(catalogue, user, config.excludeWatched());
        Neighbours trained = eligibleHead(t.items().search(embedding, Eligibility.overfetch(user, k, config.excludeWatched()),
                VectorSearcher.ACCEPT_ALL), eligible, k);
        Neighbours merged = t.fresh() == null ? trained
                : FreshTierMerge.merge(trained, t.fresh().search(embedding, k, eligible), k, t.policy());
        List<Candidate> out = new ArrayList<>(merged.size());
        String source = ID.name();
        for (int i = 0; i < merged.size(); i++) {
            out.add(Candidate.from(merged.id(i), source, merged.score(i)));
        }
        return out;
    }

    /** The first {@code k} eligible results, in order. */
    private static Neighbours eligibleHead(Neighbours found, IntPredicate eligible, int k) {
        int[] ids = new int[Math.min(k, found.size())];
        float[] scores = new float[ids.length];
        int n = 0;
        for (int i = 0; i < found.size() && n < ids.length; i++) {
            if (eligible.test(found.id(i))) {
                ids[n] = found.id(i);
                scores[n++] = found.score(i);
            }
        }
        return new Neighbours(Arrays.copyOf(ids, n), Arrays.copyOf(scores, n));
    }
}
