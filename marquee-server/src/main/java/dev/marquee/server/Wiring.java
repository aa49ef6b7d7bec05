package dev.marquee.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.core.Clock;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Pipeline;
import dev.marquee.core.PipelineConfig;
import dev.marquee.core.PipelineExecutor;
import dev.marquee.core.ScoringStage;
import dev.marquee.events.EventJson;
import dev.marquee.events.EventValidator;
import dev.marquee.events.EventLog;
import dev.marquee.events.FileEventLog;
import dev.marquee.events.kafka.KafkaEventLog;
import dev.marquee.events.kafka.KafkaLogConfig;
import dev.marquee.events.SegmentedLogConfig;
import dev.marquee.events.ServedImpressionLog;
import dev.marquee.features.FeatureUpdater;
import dev.marquee.features.FeatureStore;
import dev.marquee.feed.HomeFeedPipeline;
import dev.marquee.feed.ModelHolder;
import dev.marquee.feed.ranking.ImpressionLogSideEffect;
import dev.marquee.feed.ranking.ItemEmbeddings;
import dev.marquee.feed.ranking.MultiTaskScorer;
import dev.marquee.feed.ranking.RankerFeatures;
import dev.marquee.feed.ranking.ScoreWeights;
import dev.marquee.feed.ranking.TrendingOrderScorer;
import dev.marquee.feed.rerank.BlockList;
import dev.marquee.feed.rerank.RerankConfig;
import dev.marquee.feed.retrieval.RetrievalConfig;
import dev.marquee.feed.retrieval.RetrievalIndexConfig;
import dev.marquee.feed.retrieval.RetrievalIndexes;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.feed.retrieval.VideoCatalogue;
import dev.marquee.feed.retrieval.VideoIndexUpdater;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.server.experiment.ExperimentConfigFile;
import dev.marquee.server.experiment.ExperimentRouter;
import dev.marquee.server.http.EntityHandlers;
import dev.marquee.server.http.EventsHandler;
import dev.marquee.server.http.FeedHandler;
import dev.marquee.server.http.FeedRenderer;
import dev.marquee.server.http.HttpApi;
import dev.marquee.server.http.IngestLimits;
import dev.marquee.server.http.Json;
import dev.marquee.server.http.StatusReport;
import dev.marquee.server.http.UserSampler;
import dev.marquee.training.registry.ModelRegistry;
import dev.marquee.training.registry.RegistryWatcher;
import io.helidon.webserver.WebServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single composition root: opens the embedded backends under the data directory, restores the
 * feature store (snapshot + tail replay), loads the promoted models, builds the retrieval indexes, declares
 * the home feed and starts the HTTP API. Nothing else in Marquee constructs a backend. Closing it stops
 * everything in reverse order and writes a final feature snapshot.
 */
public final class Wiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private WebServer server;
    private RetrainScheduler retrainer;
    private volatile boolean ready;

    private Wiring() {
    }

    public static Wiring start(ServeConfig config, LongConsumer replayProgress) {
        return start(config, RetrainScheduler.Config.defaults(), replayProgress);
    }

    public static Wiring start(ServeConfig config, RetrainScheduler.Config retrain, LongConsumer replayProgress) {
        Wiring w = new Wiring();
        try {
            w.wire(config, retrain, replayProgress);
            return w;
        } catch (RuntimeException | IOException e) {
            w.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private <T extends AutoCloseable> T own(T c) {
        closeables.add(c);
        return c;
    }

    private void wire(ServeConfig cfg, RetrainScheduler.Config retrain, LongConsumer replayProgress) throws IOException {
        Clock clock = Clock.SYSTEM;
        DataDir dir = cfg.data().create();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EventLog log = own(openLog(cfg));
        ServedImpressionLog impressions = own(ServedImpressionLog.open(dir.impressions(), SegmentedLogConfig.DEFAULTS));

        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon()
                .name("marquee-scheduler").factory());
        own(scheduler::shutdownNow);
        NodeFeatures features = own(NodeFeatures.open(cfg, dir, log, metrics, clock, scheduler, replayProgress));
        FeatureStore store = features.store();
        FeatureUpdater updater = features.updater();

        ExecutorService background = Executors.newFixedThreadPool(1, Thread.ofPlatform().daemon()
                .name("marquee-index-builds").factory());
        own(background::shutdownNow);
        TextEncoder encoder = new TextEncoder(background, 10_000);
        TextVectorStore textStore = own(TextVectorStore.open(dir.root().resolve("text-vectors.bin"), TextEncoder.DIMENSION));
        VideoTextVectors texts = new VideoTextVectors(textStore, encoder);
        RetrievalIndexes indexes = own(new RetrievalIndexes(VideoCatalogue.fromStore(store), store.categories(),
                texts, RetrievalIndexConfig.defaults(), background));
        FunctionCounter.builder("marquee.retrieval.content_cache", indexes.contentCache(),
                        c -> c.hits()).tag("result", "hit")
                .description("content-source neighbour lookups answered from the cache").register(metrics);
        FunctionCounter.builder("marquee.retrieval.content_cache", indexes.contentCache(),
                        c -> c.misses()).tag("result", "miss")
                .description("content-source neighbour lookups that ran an index search").register(metrics);
        features.start();
        VideoIndexUpdater indexUpdater = own(new VideoIndexUpdater(log, indexes, features.videoIds()).start(features.indexFrom()));

        ModelHolder models = new ModelHolder();
        ModelRegistry registry = new ModelRegistry(dir.models(), clock);
        ServingModelLoader loader = new ServingModelLoader(models, indexes);
        for (String kind : List.of(ServingModelLoader.TWO_TOWER, cfg.rankerKind())) {
            RegistryWatcher watcher = own(new RegistryWatcher(registry, kind, scheduler, cfg.modelPollPeriod(), loader));
            Gauge.builder("marquee.model.load.failures", watcher, RegistryWatcher::failedLoads).tag("kind", kind)
                    .description("promoted versions refused at load (corrupt or unloadable); the previous model serves")
                    .register(metrics);
            watcher.pollOnce(); // load the promoted model (and build its index) before answering
            watcher.start();
        }
        retrainer = own(new RetrainScheduler(retrain, dir, log, registry, texts, scheduler, metrics));

        RankerFeatures rankerFeatures = new RankerFeatures(store, ItemEmbeddings.NONE, false);
        Function<RerankConfig, Pipeline> pipelines = rerank -> HomeFeedPipeline.create(new HomeFeedPipeline.Parts(
                store, indexes, RetrievalConfig.defaults(), rerank, BlockList.empty(),
                new ScoringStage(new MultiTaskScorer(models, rankerFeatures, ScoreWeights.defaults()), new TrendingOrderScorer()),
                List.of(new ImpressionLogSideEffect(impressions, store.videos())), cfg.sourceBudget()));
        Pipeline pipeline = pipelines.apply(RerankConfig.defaults());
        ExecutorService sourcePool = Executors.newVirtualThreadPerTaskExecutor();
        own(sourcePool::shutdownNow);
        PipelineExecutor executor = own(new PipelineExecutor(new PipelineConfig(cfg.deadline(), 10_000, 1), sourcePool,
                metrics, clock));

        ObjectMapper mapper = new ObjectMapper();
        Json json = new Json(mapper);
        EventJson eventJson = new EventJson(new EventValidator(clock));
        FeedRenderer renderer = new FeedRenderer(store, () -> models.current().version());
        var experiments = new ExperimentRouter(ExperimentConfigFile.readOrNone(dir.root().resolve("experiments.json")),
                RerankConfig.defaults(), pipelines, pipeline, executor::execute);
        FeedHandler feed = new FeedHandler((FeedQuery q) -> features.annotate(experiments.apply(q)), renderer,
                features::awaitApplied, clock::millis, json, metrics);
        EntityHandlers entities = new EntityHandlers(eventJson, log,
                (offset, timeout) -> features.awaitApplied(offset, timeout) && indexUpdater.awaitApplied(offset, timeout),
                json, clock, IngestLimits.defaults().maxBodyBytes());
        StatusReport status = new StatusReport(store, models, updater, metrics);
        HttpApi api = new HttpApi(feed, new EventsHandler(eventJson, log, IngestLimits.defaults(), json, metrics),
                entities, status::toJson, new UserSampler(store, json), () -> ready, metrics, json, cfg.protection());
        server = api.start(cfg.host(), cfg.port());
        own(server::stop);
        ready = true;
        LOG.info("marquee serving on port {} (models {}, {} videos, offset {})", server.port(),
                models.current().version(), indexes.catalogue().size(), store.appliedOffset());
    }

    private static EventLog openLog(ServeConfig cfg) {
        if (cfg.backends().eventLog() instanceof BackendSpec.KafkaLog k) {
            return KafkaEventLog.open(KafkaLogConfig.of(k.bootstrapServers(), k.topic()).withPartitions(k.partitions())
                    .withClientId("marquee-node-" + ProcessHandle.current().pid()));
        }
        return FileEventLog.open(cfg.data().events());
    }

    public int port() {
        return server.port();
    }

    /** The in-process batch loop (scheduled retraining; {@link RetrainScheduler#runNow()} for operators and tests). */
    public RetrainScheduler retrainer() {
        return retrainer;
    }

    public boolean ready() {
        return ready;
    }

    @Override
    public void close() {
        ready = false;
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("close failed: {}", e.toString());
            }
        }
        closeables.clear();
    }
}
