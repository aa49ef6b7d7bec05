package dev.marquee.feed;

import dev.marquee.core.Pipeline;
import dev.marquee.core.ScoringStage;
import dev.marquee.core.SideEffect;
import dev.marquee.features.FeatureStore;
import dev.marquee.feed.hydration.HistoryWeighting;
import dev.marquee.feed.hydration.UserEmbeddingHydrator;
import dev.marquee.feed.hydration.UserFeaturesHydrator;
import dev.marquee.feed.hydration.VideoFeaturesHydrator;
import dev.marquee.feed.rerank.BlockList;
import dev.marquee.feed.rerank.BusinessRulesFilter;
import dev.marquee.feed.rerank.CreatorDiversitySelector;
import dev.marquee.feed.rerank.ExplorationSelector;
import dev.marquee.feed.rerank.FilterSelector;
import dev.marquee.feed.rerank.ItemEmbeddings;
import dev.marquee.feed.rerank.PageSelector;
import dev.marquee.feed.rerank.RerankConfig;
import dev.marquee.feed.rerank.SeenVideosFilter;
import dev.marquee.feed.retrieval.CandidateMerger;
import dev.marquee.feed.retrieval.RetrievalConfig;
import dev.marquee.feed.retrieval.RetrievalIndexes;
import dev.marquee.feed.retrieval.RetrievalSources;
import java.time.Duration;
import java.util.List;

/**
 * The home feed, declared as data — the seed's "Recommendation Service" without a god class:
 * <ol>
 * <li>query hydration: the user's features, then the two-tower user embedding (from those same features,
 *     so a click seconds ago already moves it);</li>
 * <li>candidate sources in parallel, each behind its gate, merged to ~1,000 with provenance;</li>
 * <li>pre-hydration filter: seen videos (Bloom watched set, impression fatigue) — it needs only the user;</li>
 * <li>candidate hydration: one batch read of video features;</li>
 * <li>scoring: the multi-task ranker, falling back to trending order when it fails or no model is loaded;</li>
 * <li>policy: business rules (they read hydrated metadata, hence a selector after hydration), exploration
 *     slots, creator/category diversity, paging;</li>
 * <li>side effects: the impression log (features exactly as served), asynchronously.</li>
 * </ol>
 */
public final class HomeFeedPipeline {
    private HomeFeedPipeline() {
    }

    /** Everything the home feed is built from. */
    public record Parts(FeatureStore store, RetrievalIndexes indexes, RetrievalConfig retrieval, RerankConfig rerank,
                        BlockList blocks, ScoringStage ranking, List<SideEffect> sideEffects, Duration sourceBudget) {
    }

    public static Pipeline create(Parts p) {
        return new Pipeline(
                List.of(new UserFeaturesHydrator(p.store()),
                        new UserEmbeddingHydrator(p.indexes()::servingModel, p.store().videos(), HistoryWeighting.defaults())),
                RetrievalSources.gated(p.store(), p.indexes(), p.retrieval(), p.sourceBudget()),
                new CandidateMerger(p.store(), p.indexes().catalogue(), p.retrieval()),
                List.of(new SeenVideosFilter(p.rerank())),
                List.of(new VideoFeaturesHydrator(p.store())),
                List.of(p.ranking()),
                List.of(new FilterSelector(new BusinessRulesFilter(p.rerank(), p.blocks(), p.store().languages())),
                        new ExplorationSelector(p.rerank()),
                        new CreatorDiversitySelector(p.rerank(), ItemEmbeddings.NONE),
                        new PageSelector()),
                p.sideEffects());
    }
}
