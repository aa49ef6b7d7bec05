package dev.marquee.training.registry;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a trainer knows about a model before registering it; the registry adds kind, version, creation time,
 * checksums and status to make a {@link VersionManifest}.
 *
 * @param trainingData      log offsets the model was trained on
 * @param featureSchemaHash hash of the feature schema the model consumes; the gate compares it to serving's
 * @param holdoutMetrics    metric name to value on the temporal holdout (finite values only)
 * @param parentVersion     version it was warm-started from or replaces, or null
 */
public record ManifestDraft(TrainingDataRange trainingData, String featureSchemaHash,
                            Map<String, Double> holdoutMetrics, String parentVersion) {
    public ManifestDraft {
        Objects.requireNonNull(trainingData, "trainingData");
        if (featureSchemaHash == null || featureSchemaHash.isBlank()) {
            throw new IllegalArgumentException("featureSchemaHash must be non-blank");
        }
        holdoutMetrics = checkedMetrics(holdoutMetrics);
        if (parentVersion != null && !RegistryNames.isVersion(parentVersion)) {
            throw new IllegalArgumentException("parentVersion '" + parentVersion + "' is not a version like v000012");
        }
    }

    static Map<String, Double> checkedMetrics(Map<String, Double> metrics) {
        Objects.requireNonNull(metrics, "holdoutMetrics");
        var sorted = new TreeMap<String, Double>();
        metrics.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("holdout metric names must be non-blank");
            }
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("holdout metric '" + name + "' must be finite, got " + value);
            }
            sorted.put(name, value);
        });
        return Collections.unmodifiableMap(sorted);
    }
}
