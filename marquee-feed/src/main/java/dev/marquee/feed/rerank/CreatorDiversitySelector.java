package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Selector;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.VideoFeatureBatch;
import java.util.List;
import java.util.Objects;

/**
 * Spreads creators and categories over the page with a greedy first-fit pass in score order (the
 * "re-rank with hard constraints" pattern of feed mixers; optional MMR, Carbonell and Goldstein, SIGIR 1998).
 *
 * <p>Rules, for the first P = min(limit, n) positions: at most K videos of one creator in any W consecutive
 * positions, at most K' of one creator on the page, at most M of one category in a row (videos of unknown
 * creator or category are exempt from that rule).
 *
 * <p>Algorithm. Sort candidates by score (stable). For each position p = 0..P−1, in order: first any
 * exploration pick whose reserved slot ({@link RerankFeatures#EXPLORATION_SLOT}) is ≤ p, then the
 * highest-ranked unplaced candidate, take the first that satisfies every rule given positions 0..p−1.
 * Checking each placement against the positions before it is enough: every window of W ends at some position
 * and was checked when that position was filled. So the page keeps score order except where a rule defers a
 * candidate, and a deferred candidate returns at the first position where it fits. Exploration picks are
 * never placed before their slot, so never in the protected top positions. With a similarity penalty λ &gt; 0
 * the unpinned choice is instead the best of score − λ·max cosine similarity to the placed items among the
 * first {@code mmrLookahead} rule-satisfying candidates ({@link ItemEmbeddings}).
 *
 * <p>Relaxation: when no candidate satisfies every rule at p, rules are dropped in this order until one
 * fits, so the page is never short while candidates remain: (1) the category run, (2) the creator window,
 * (3) the per-page creator cap, (4) the exploration slot (a pick may then move earlier). A relaxed placement
 * is recorded on the candidate ({@code "creator-diversity: position p relaxed …"}); with {@code explain}, every
 * candidate a rule deferred records its rank, its new position and the rule. Candidates beyond the page
 * follow in score order. Cost: O(P · (W + scanned)) per request, with scanned usually a few candidates.
 */
public final class CreatorDiversitySelector implements Selector {
    public static final ComponentId ID = ComponentId.of("creator-diversity");

    private final RerankConfig config;
    private final ItemEmbeddings embeddings;

    public CreatorDiversitySelector(RerankConfig config) {
        this(config, ItemEmbeddings.NONE);
    }

    /** {@code embeddings} is read only when {@link RerankConfig#similarityPenalty()} is positive. */
    public CreatorDiversitySelector(RerankConfig config, ItemEmbeddings embeddings) {
        this.config = Objects.requireNonNull(config, "config");
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public List<Candidate> select(FeedQuery query, List<Candidate> candidates) {
        int n = candidates.size();
        if (n == 0) {
            return candidates;
        }
        List<Candidate> ranked = ScoreOrder.byScore(candidates, ID);
        VideoFeatureBatch videos = query.features().get(FeedFeatures.VIDEOS);
        int[] creators = new int[n];
        int[] categories = new int[n];
        int[] slots = new int[n];
        for (int i = 0; i < n; i++) {
            Candidate c = ranked.get(i);
            int row = CandidateRows.row(c, videos, ID);
            creators[i] = videos.creator(row);
            categories[i] = videos.category(row);
            Integer slot = c.features().getOrDefault(RerankFeatures.EXPLORATION_SLOT, null);
            slots[i] = slot == null ? -1 : slot;
        }
        SimilarityPenalty similarity = config.similarityPenalty() > 0 && embeddings != ItemEmbeddings.NONE
                ? new SimilarityPenalty(config.similarityPenalty(), ranked, embeddings) : null;
        int page = Math.min(query.limit(), n);
        return new DiversityPass(config, ranked, page, creators, categories, slots, similarity)
                .run(query.explain(), ID.name());
    }
}
