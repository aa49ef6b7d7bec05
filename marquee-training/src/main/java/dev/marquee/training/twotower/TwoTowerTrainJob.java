package dev.marquee.training.twotower;

import dev.marquee.events.EventLog;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.TrainingProgress;
import dev.marquee.models.twotower.FreshTierPolicy;
import dev.marquee.models.twotower.TwoTowerModel;
import dev.marquee.models.twotower.TwoTowerTrainer;
import dev.marquee.training.registry.GateConfig;
import dev.marquee.training.registry.GateDecision;
import dev.marquee.training.registry.ManifestDraft;
import dev.marquee.training.registry.MetricRule;
import dev.marquee.training.registry.ModelRegistry;
import dev.marquee.training.registry.PromotionGate;
import dev.marquee.training.registry.TrainingDataRange;
import dev.marquee.training.registry.VersionManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One two-tower training run, log to registry: build point-in-time datasets, train with early stopping on the
 * validation slice, embed every video, fit the fresh tier's policy on the validation window ({@link FreshTierFit}),
 * evaluate Recall@K on the held-out last day through serving's two tiers (and pooled, for comparison), write the
 * model, its {@link FreshTierPolicy} and {@value ItemEmbeddingFile#FILE_NAME} into a temporary directory, register them as kind {@value #KIND} with the
 * holdout metrics, and let the {@link PromotionGate} promote or reject the new version.
 */
public final class TwoTowerTrainJob {
    public static final String KIND = "two-tower";

    private final ModelRegistry registry;
    private final TwoTowerJobConfig config;
    private final GateConfig gate;

    public TwoTowerTrainJob(ModelRegistry registry, TwoTowerJobConfig config, GateConfig gate) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.config = Objects.requireNonNull(config, "config");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** The gate two-tower models go through by default: Recall@500 at most 0.02 below the serving model's. */
    public static GateConfig defaultGate() {
        return GateConfig.of(MetricRule.higherIsBetter("recall@500", 0.02));
    }

    /** Runs the job on the log's current contents; {@code texts} supplies (and caches) title/tag vectors. */
    public TwoTowerTrainResult run(EventLog log, VideoTextVectors texts, TwoTowerJobListener listener) throws IOException {
        TwoTowerDatasets data = new TwoTowerDatasetBuilder(config).build(log, texts, listener);
        AtomicReference<TrainingProgress> last = new AtomicReference<>();
        long trainStart = System.nanoTime();
        try (TwoTowerModel model = TwoTowerTrainer.train(data.train(), data.validation(), config.model(), p -> {
            last.set(p);
            listener.training(p);
        })) {
            Duration trainTime = Duration.ofNanos(System.nanoTime() - trainStart);
            long evalStart = System.nanoTime();
            listener.phase("evaluate", 0, 1);
            FreshTierPolicy rule = FreshTierFit.rule(data);
            CatalogueEmbeddings embeddings = CatalogueEmbeddings.of(model, data.roster(), data.catalogue(), rule);
            FreshTierFit.Fit fit = FreshTierFit.fit(model, data, embeddings, rule);
            RetrievalEvaluation evaluation = new RetrievalEvaluation(config.weighting());
            RetrievalReport report = evaluation.evaluate(model, data, embeddings, fit.policy());
            RetrievalReport pooled = evaluation.evaluate(model, data, embeddings, null);
            listener.phase("evaluate", 1, 1);
            Duration evalTime = Duration.ofNanos(System.nanoTime() - evalStart);
            long registerStart = System.nanoTime();
            VersionManifest manifest = register(model, embeddings, fit.policy(), report, pooled, data);
            String schema = TwoTowerSchema.hash(config.model().shape(), config.weighting());
            GateDecision decision = new PromotionGate(registry, gate).review(KIND, manifest.version(), schema);
            Duration registerTime = Duration.ofNanos(System.nanoTime() - registerStart);
            TrainingProgress p = last.get();
            double rate = p == null ? 0 : p.examplesSeen() / Math.max(1e-9, trainTime.toNanos() / 1e9);
            return new TwoTowerTrainResult(manifest.version(), decision, report, data.train().size(),
                    data.validation().size(), p == null ? 0 : p.epoch(), rate, data.replayTime(), data.textTime(),
                    trainTime, evalTime, registerTime, pooled, fit.table());
        }
    }

    private VersionManifest register(TwoTowerModel model, CatalogueEmbeddings embeddings,
                                     FreshTierPolicy policy, RetrievalReport report, RetrievalReport pooled,
                                     TwoTowerDatasets data) throws IOException {
        Path staging = Files.createTempDirectory("two-tower-artifacts");
        try {
            model.save(staging);
            ItemEmbeddingFile.write(staging.resolve(ItemEmbeddingFile.FILE_NAME), embeddings);
            policy.save(staging);
            String parent = registry.current(KIND).orElse(null);
            Map<String, Double> metrics = new LinkedHashMap<>(report.metrics());
            metrics.put("pooled_recall@" + RetrievalEvaluation.SLICE_K, pooled.twoTowerRecall(RetrievalEvaluation.SLICE_K));
            metrics.put("fresh_tier_offset", policy.calibration().offset());
            metrics.put("fresh_tier_max_share", policy.maxShare());
            ManifestDraft draft = new ManifestDraft(new TrainingDataRange(0, data.trainedOffsetEnd(), 0, 0),
                    TwoTowerSchema.hash(config.model().shape(), config.weighting()), metrics, parent);
            return registry.register(KIND, staging, draft);
        } finally {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
