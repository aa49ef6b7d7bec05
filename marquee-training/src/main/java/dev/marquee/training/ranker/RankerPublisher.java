package dev.marquee.training.ranker;

import dev.marquee.feed.ranking.RankerFeatureSchema;
import dev.marquee.models.ranker.RankerModel;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers a trained ranker (teacher as {@code ranker}, student as {@code ranker-student}) with its holdout
 * metrics and the feature-schema hash, then lets the promotion gate decide: promoted only when no head's
 * AUC is worse than the serving version's by more than the tolerance and the schema matches serving. A model
 * whose click or watch-30 s AUC is below {@value #MIN_AUC} (worse than chance) is rejected before the gate:
 * that is a broken model (an under-trained net near its random initialisation ranked the simulation's pages
 * with AUC 0.34), and the first version of a kind has no serving version to be compared with.
 */
public final class RankerPublisher {
    public static final String TEACHER = "ranker";
    public static final String STUDENT = "ranker-student";
    /** Serving assembles features with sources and two-tower columns off (what bootstrap data holds). */
    public static final String SCHEMA_HASH = schemaHash(false);
    /** Click and watch-30 s AUC a model needs at least to be promoted, whatever serves now. */
    public static final double MIN_AUC = 0.5;

    private final ModelRegistry registry;
    private final PromotionGate gate;

    public RankerPublisher(ModelRegistry registry, double aucTolerance) {
        this.registry = registry;
        this.gate = new PromotionGate(registry, GateConfig.of(
                MetricRule.higherIsBetter("auc_click", aucTolerance),
                MetricRule.higherIsBetter("auc_watch30", aucTolerance),
                MetricRule.higherIsBetter("auc_share", aucTolerance)));
    }

    /** Why the metrics show a model ranking worse than chance, if they do. */
    static Optional<String> belowChance(Map<String, Double> metrics) {
        for (String head : List.of("auc_click", "auc_watch30")) {
            Double auc = metrics.get(head);
            if (auc != null && auc < MIN_AUC) {
                return Optional.of(String.format(java.util.Locale.ROOT, "%s %.4f is below chance (%.2f): the model "
                        + "ranks worse than random, likely under-trained or broken", head, auc, MIN_AUC));
            }
        }
        return Optional.empty();
    }

    /** Hash of the ranker input layout; a model is only served by code that assembles the same layout. */
    public static String schemaHash(boolean sourceColumns) {
        return Integer.toHexString((RankerFeatureSchema.SCHEMA.toString() + "|sources=" + sourceColumns).hashCode());
    }

    /** Registers one model and runs the gate; returns the decision. */
    public GateDecision publish(String kind, RankerModel model, Optional<ModelMetrics> metrics, TrainingDataRange range)
            throws IOException {
        Path tmp = Files.createTempDirectory("marquee-" + kind);
        try {
            model.save(tmp);
            Map<String, Double> m = new LinkedHashMap<>();
            metrics.ifPresent(mm -> {
                m.put("auc_click", mm.click().auc());
                m.put("auc_watch30", mm.watch30().auc());
                m.put("auc_share", mm.share().auc());
                m.put("logloss_click", mm.click().logLoss());
                m.put("ndcg@10", mm.ndcgAt10());
            });
            String parent = registry.current(kind).orElse(null);
            VersionManifest v = registry.register(kind, tmp, new ManifestDraft(range, SCHEMA_HASH, m, parent));
            Optional<String> broken = belowChance(m);
            if (broken.isPresent()) {
                registry.reject(kind, v.version(), broken.get());
                return new GateDecision(kind, v.version(), parent, false, List.of(broken.get()));
            }
            return gate.review(kind, v.version(), SCHEMA_HASH);
        } finally {
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
