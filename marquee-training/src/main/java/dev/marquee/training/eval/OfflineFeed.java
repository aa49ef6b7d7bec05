package dev.marquee.training.eval;

import dev.marquee.core.Candidate;
import dev.marquee.core.Clock;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.GatedSource;
import dev.marquee.core.Pipeline;
import dev.marquee.core.PipelineConfig;
import dev.marquee.core.PipelineExecutor;
import dev.marquee.core.PipelineResult;
import dev.marquee.core.ScoringStage;
import dev.marquee.features.FeatureStore;
import dev.marquee.feed.HomeFeedPipeline;
import dev.marquee.feed.ModelHolder;
import dev.marquee.feed.ServingModels;
import dev.marquee.feed.ranking.ItemEmbeddings;
import dev.marquee.feed.ranking.MultiTaskScorer;
import dev.marquee.feed.ranking.RankerFeatures;
import dev.marquee.feed.ranking.ScoreWeights;
import dev.marquee.feed.ranking.TrendingOrderScorer;
import dev.marquee.feed.rerank.BlockList;
import dev.marquee.feed.rerank.RerankConfig;
import dev.marquee.feed.retrieval.CandidateMerger;
import dev.marquee.feed.retrieval.RetrievalConfig;
import dev.marquee.feed.retrieval.RetrievalIndexConfig;
import dev.marquee.feed.retrieval.RetrievalIndexes;
import dev.marquee.feed.retrieval.RetrievalSources;
import dev.marquee.feed.retrieval.SourceQuota;
import dev.marquee.feed.retrieval.VideoCatalogue;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.ranker.RankerModel;
import dev.marquee.models.twotower.FreshTierPolicy;
import dev.marquee.models.twotower.TwoTowerModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serving's home feed rebuilt offline, exactly as {@code Wiring} assembles it (same sources, gates, merger,
 * filters, multi-task scorer with trending fallback, policy selectors) but over a feature store frozen at the
 * holdout start, with the models trained on pre-holdout data, no side effects and generous deadlines (an
 * offline run must not drop a source because the machine is busy). It also exposes the six sources with a
 * 1,000-candidate budget each, so each can be measured alone, and the merger, so merged sets of any size can be.
 */
final class OfflineFeed implements AutoCloseable {
    private static final Duration BUDGET = Duration.ofSeconds(60);

    private final RetrievalConfig serving = RetrievalConfig.defaults();
    private final ExecutorService builds = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory());
    private final ExecutorService sourcePool = Executors.newVirtualThreadPerTaskExecutor();
    private final FeatureStore store;
    private final RetrievalIndexes indexes;
    private final Pipeline pipeline;
    private final Pipeline withoutExploration;
    private final Pipeline withoutRanker;
    private final PipelineExecutor executor;
    private final List<GatedSource> wide;
    private final MultiTaskScorer headsOnly;
    private final RerankConfig rerank;
    private final ModelHolder models;
    private final RankerFeatures features;

    OfflineFeed(FeatureStore store, VideoTextVectors texts, TwoTowerModel twoTower, RankerModel ranker) {
        this(store, texts, twoTower, null, ranker);
    }

    /** @param freshTier the two-tower model's fresh-tier policy, as serving loads it (null: none) */
    OfflineFeed(FeatureStore store, VideoTextVectors texts, TwoTowerModel twoTower, FreshTierPolicy freshTier,
                RankerModel ranker) {
        this.store = store;
        this.indexes = new RetrievalIndexes(VideoCatalogue.fromStore(store), store.categories(), texts,
                RetrievalIndexConfig.defaults(), builds);
        indexes.rebuildFor(twoTower, freshTier).join();
        ModelHolder models = new ModelHolder();
        models.swap(new ServingModels("eval", twoTower, ranker));
        RankerFeatures features = new RankerFeatures(store, ItemEmbeddings.NONE, false);
        ScoringStage ranking = new ScoringStage(new MultiTaskScorer(models, features, ScoreWeights.defaults()),
                new TrendingOrderScorer());
        RerankConfig rerank = RerankConfig.defaults();
        pipeline = HomeFeedPipeline.create(new HomeFeedPipeline.Parts(store, indexes, serving, rerank,
                BlockList.empty(), ranking, List.of(), BUDGET));
        withoutExploration = HomeFeedPipeline.create(new HomeFeedPipeline.Parts(store, indexes, serving,
                rerank.withExploration(0.0, rerank.explorationMode()), BlockList.empty(), ranking, List.of(), BUDGET));
        withoutRanker = HomeFeedPipeline.create(new HomeFeedPipeline.Parts(store, indexes, serving, rerank,
                BlockList.empty(), new ScoringStage(new TrendingOrderScorer(), new TrendingOrderScorer()), List.of(), BUDGET));
        this.headsOnly = new MultiTaskScorer(models, features, ScoreWeights.defaults().withPopularity(0.0));
        this.rerank = rerank;
        this.models = models;
        this.features = features;
        executor = new PipelineExecutor(new PipelineConfig(BUDGET, 16, 1), sourcePool, new SimpleMeterRegistry(), Clock.SYSTEM);
        wide = RetrievalSources.gated(store, indexes, wideConfig(serving), BUDGET);
    }

    /** Every source's own K raised to {@code KMAX}, so Recall@1000 of a source alone is measurable. */
    private static RetrievalConfig wideConfig(RetrievalConfig c) {
        int k = RecallAccumulator.KS[RecallAccumulator.KS.length - 1];
        return new RetrievalConfig(k, c.coWatchSeeds(), Math.max(c.coWatchPerSeed(), k / c.coWatchSeeds()), k,
                c.seedHalfLifeMillis(), c.contentSeeds(), c.contentSeedSearches(), k, k, c.topCategories(),
                c.categoryBoost(), k, c.segmentMinSize(), c.segmentPrior(), k, c.freshMaxAgeMillis(),
                c.newUserMaxEngagements(), c.excludeWatched(), c.quotas(), k);
    }

    /** Serving's retrieval settings (defaults), which the pipeline and {@link #merge} use. */
    RetrievalConfig servingConfig() {
        return serving;
    }

    VideoCatalogue catalogue() {
        return indexes.catalogue();
    }

    /** The full pipeline's page for {@code userId} at {@code nowMillis}; the result holds the hydrated query. */
    PipelineResult feed(String requestId, String userId, int limit, long nowMillis, long seed) {
        return executor.execute(pipeline, FeedQuery.of(requestId, userId, limit, nowMillis, seed, false));
    }

    /** The same page with exploration off: what the exploration slots cost in offline accuracy. */
    PipelineResult feedWithoutExploration(String requestId, String userId, int limit, long nowMillis, long seed) {
        return executor.execute(withoutExploration, FeedQuery.of(requestId, userId, limit, nowMillis, seed, false));
    }

    /** The same page scored by serving's fallback (trending order) instead of the ranker: what the ranker buys. */
    PipelineResult feedWithoutRanker(String requestId, String userId, int limit, long nowMillis, long seed) {
        return executor.execute(withoutRanker, FeedQuery.of(requestId, userId, limit, nowMillis, seed, false));
    }

    /** Serving's pipeline with the popularity prior of the score replaced (diagnostic; {@link PriorVariantScorer}). */
    Pipeline withPrior(PriorVariantScorer.Signal signal, double beta) {
        return HomeFeedPipeline.create(new HomeFeedPipeline.Parts(store, indexes, serving, rerank, BlockList.empty(),
                new ScoringStage(new PriorVariantScorer(headsOnly, signal, beta), new TrendingOrderScorer()), List.of(),
                BUDGET));
    }

    /** Serving's pipeline with the score's weights replaced by {@code weights} (diagnostic, {@code --weight-variant}). */
    Pipeline withWeights(ScoreWeights weights) {
        return HomeFeedPipeline.create(new HomeFeedPipeline.Parts(store, indexes, serving, rerank, BlockList.empty(),
                new ScoringStage(new MultiTaskScorer(models, features, weights), new TrendingOrderScorer()), List.of(),
                BUDGET));
    }

    /** {@code pipeline}'s page for {@code userId} at {@code nowMillis}, as {@link #feed}. */
    PipelineResult feed(Pipeline pipeline, String requestId, String userId, int limit, long nowMillis, long seed) {
        return executor.execute(pipeline, FeedQuery.of(requestId, userId, limit, nowMillis, seed, false));
    }

    /** The sources in merge-priority order (two-tower, co-watch, content, segment-popular, fresh, trending). */
    List<GatedSource> wideSources() {
        return wide;
    }

    /** The K {@code config} gives {@code source} (its share of a merge). */
    static int sourceK(RetrievalConfig config, String source) {
        return switch (source) {
            case "two-tower" -> config.twoTowerK();
            case "co-watch" -> config.coWatchK();
            case "content" -> config.contentK();
            case "segment-popular" -> config.segmentK();
            case "fresh-uploads" -> config.freshK();
            case "trending" -> config.trendingK();
            default -> throw new IllegalArgumentException("unknown source " + source);
        };
    }

    /**
     * Serving's merge of the gated sources' outputs ({@code perSource[i]} from {@link #wideSources()} i, cut to
     * serving's K), with quotas scaled to a target of {@code target} candidates.
     */
    List<Candidate> merge(FeedQuery query, List<List<Candidate>> perSource, boolean[] gateOpen, int target) {
        return merge(query, perSource, gateOpen, target, serving);
    }

    /** {@link #merge(FeedQuery, List, boolean[], int)} with {@code config}'s Ks and quotas instead of serving's. */
    List<Candidate> merge(FeedQuery query, List<List<Candidate>> perSource, boolean[] gateOpen, int target,
                          RetrievalConfig config) {
        List<SourceQuota> quotas = new ArrayList<>();
        for (SourceQuota q : config.quotas()) {
            quotas.add(new SourceQuota(q.source(), (int) Math.ceil((double) q.quota() * target / config.target())));
        }
        CandidateMerger merger = new CandidateMerger(store, indexes.catalogue(), config.withQuotas(quotas, target));
        List<Candidate> all = new ArrayList<>();
        for (int s = 0; s < perSource.size(); s++) {
            if (!gateOpen[s]) {
                continue;
            }
            String name = wide.get(s).source().id().name();
            List<Candidate> list = perSource.get(s);
            for (int i = 0; i < Math.min(sourceK(config, name), list.size()); i++) {
                Candidate c = list.get(i);
                all.add(Candidate.from(c.video(), name, c.sources().get(name)));
            }
        }
        return merger.select(query, all);
    }

    @Override
    public void close() {
        executor.close();
        indexes.close();
        sourcePool.shutdownNow();
        builds.shutdownNow();
    }
}
