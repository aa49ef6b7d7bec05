package dev.marquee.server.simulate;

import dev.marquee.core.Clock;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Pipeline;
import dev.marquee.core.PipelineConfig;
import dev.marquee.core.PipelineExecutor;
import dev.marquee.core.PipelineResult;
import dev.marquee.core.ScoringStage;
import dev.marquee.events.EventLog;
import dev.marquee.events.LogRecord;
import dev.marquee.features.FeatureUpdater;
import dev.marquee.features.FeatureWriter;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.feed.HomeFeedPipeline;
import dev.marquee.feed.ModelHolder;
import dev.marquee.feed.ranking.ItemEmbeddings;
import dev.marquee.feed.ranking.MultiTaskScorer;
import dev.marquee.feed.ranking.RankerFeatures;
import dev.marquee.feed.ranking.TrendingOrderScorer;
import dev.marquee.feed.rerank.BlockList;
import dev.marquee.feed.rerank.RerankConfig;
import dev.marquee.feed.retrieval.RetrievalIndexConfig;
import dev.marquee.feed.retrieval.RetrievalIndexes;
import dev.marquee.feed.retrieval.VideoCatalogue;
import dev.marquee.feed.retrieval.VideoIndexUpdater;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.server.ServingModelLoader;
import dev.marquee.training.registry.ModelRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The home feed over given backends, as {@code Wiring} assembles it (same factories: {@link RetrievalIndexes},
 * {@link ServingModelLoader}, {@link HomeFeedPipeline#create}, {@link PipelineExecutor}), but driven
 * synchronously: {@link #catchUp()} applies the log's new records through the {@link FeatureUpdater} and the
 * {@link VideoIndexUpdater} on the caller's thread, so a request sees exactly the events before it and a run
 * is repeatable. The deadline is generous on purpose: a simulation must not drop sources because the box is
 * busy. No impression-log side effect (training reads the event log).
 */
public final class PipelineStack implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final EventLog log;
    private final FeatureUpdater updater;
    private final RetrievalIndexes indexes;
    private final VideoIndexUpdater indexUpdater;
    private final ModelHolder models = new ModelHolder();
    private final ServingModelLoader loader;
    private final Pipeline pipeline;
    private final PipelineExecutor executor;
    private final ExecutorService background;
    private final ExecutorService sources;
    private final java.util.Map<String, String> loaded = new java.util.HashMap<>();
    private long nextOffset;

    /**
     * @param store    the feature store, already holding the log up to its applied offset
     * @param writer   what the updater writes to: the store itself, or a filter over it
     */
    public PipelineStack(InMemoryFeatureStore store, FeatureWriter writer, EventLog log, VideoTextVectors texts,
                         RerankConfig rerank) {
        this(store, writer, log, texts, PipelineVariant.served(rerank));
    }

    /** A stack whose pipeline departs from the served one as {@code variant} says (ablations). */
    PipelineStack(InMemoryFeatureStore store, FeatureWriter writer, EventLog log, VideoTextVectors texts,
                  PipelineVariant variant) {
        this.log = log;
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        this.updater = new FeatureUpdater(writer, log, metrics, Clock.SYSTEM);
        this.background = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("sim-index-builds").factory());
        this.sources = Executors.newVirtualThreadPerTaskExecutor();
        this.indexes = new RetrievalIndexes(VideoCatalogue.fromStore(store), store.categories(), texts,
                RetrievalIndexConfig.defaults(), background);
        this.indexUpdater = new VideoIndexUpdater(log, indexes, store.videos());
        this.loader = new ServingModelLoader(models, indexes);
        RankerFeatures rankerFeatures = new RankerFeatures(store, ItemEmbeddings.NONE, false);
        ScoringStage ranking = variant.modelRanking()
                ? new ScoringStage(new MultiTaskScorer(models, rankerFeatures, variant.weights()), new TrendingOrderScorer())
                : new ScoringStage(new TrendingOrderScorer(), new TrendingOrderScorer());
        this.pipeline = HomeFeedPipeline.create(new HomeFeedPipeline.Parts(store, indexes, variant.retrieval(),
                variant.rerank(), BlockList.empty(), ranking, List.of(), DEADLINE));
        this.executor = new PipelineExecutor(new PipelineConfig(DEADLINE, 16, 1), sources, metrics, Clock.SYSTEM);
        this.nextOffset = store.appliedOffset() + 1;
    }

    /**
     * Loads the registry's promoted two-tower model (rebuilding the indexes, waiting for them) and ranker of
     * {@code rankerKind}; a version already serving is not loaded again.
     */
    public void loadPromoted(ModelRegistry registry, String rankerKind) throws Exception {
        for (String kind : List.of(ServingModelLoader.TWO_TOWER, rankerKind)) {
            Optional<String> version = registry.current(kind);
            if (version.isPresent() && !version.get().equals(loaded.get(kind))) {
                loader.onPromoted(registry.load(kind, version.get()));
                loaded.put(kind, version.get());
            }
        }
    }

    /** Applies every record appended since the last call; returns how many. */
    public long catchUp() {
        long applied = 0;
        while (true) {
            List<LogRecord> batch = log.read(nextOffset, 8192);
            if (batch.isEmpty()) {
                return applied;
            }
            updater.accept(batch);
            indexUpdater.accept(batch);
            applied += batch.size();
            nextOffset = batch.getLast().offset() + 1;
        }
    }

    public PipelineResult serve(FeedQuery query) {
        return executor.execute(pipeline, query);
    }

    /** Label of the models serving now (e.g. {@code two-tower:v000002 ranker-student:v000002}). */
    public String modelVersion() {
        return models.current().version();
    }

    @Override
    public void close() {
        executor.close();
        indexUpdater.close();
        indexes.close();
        updater.close();
        sources.shutdownNow();
        background.shutdownNow();
    }
}
