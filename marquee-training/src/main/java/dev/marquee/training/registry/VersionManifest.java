package dev.marquee.training.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code manifest.json} of one registered version: enough to reproduce the model (training offsets,
 * parent), to decide whether to serve it (metrics, schema hash, status) and to prove its files are intact
 * (checksums). Immutable except for status, which the registry rewrites atomically.
 *
 * @param kind              model kind, e.g. two-tower, ranker, ranker-student
 * @param version           v000012-style, monotonic per kind
 * @param createdAt         registration time
 * @param trainingData      log offsets covered
 * @param featureSchemaHash schema the model expects from serving
 * @param holdoutMetrics    metric name to value, sorted by name
 * @param parentVersion     warm-start/previous version or null
 * @param artifacts         relative path ('/'-separated) to checksum, sorted by path
 * @param status            lifecycle state
 * @param statusReason      why it was rejected/retired/promoted, or null
 */
public record VersionManifest(String kind, String version, Instant createdAt, TrainingDataRange trainingData,
                              String featureSchemaHash, Map<String, Double> holdoutMetrics,
                              String parentVersion, Map<String, ArtifactChecksum> artifacts,
                              ModelStatus status, String statusReason) {
    public VersionManifest {
        RegistryNames.checkKind(kind);
        RegistryNames.checkVersion(version);
        Objects.requireNonNull(createdAt, "createdAt");
        var draft = new ManifestDraft(trainingData, featureSchemaHash, holdoutMetrics, parentVersion);
        holdoutMetrics = draft.holdoutMetrics();
        Objects.requireNonNull(artifacts, "artifacts");
        if (artifacts.isEmpty()) {
            throw new IllegalArgumentException(kind + "/" + version + " lists no artifacts");
        }
        artifacts = Collections.unmodifiableMap(new TreeMap<>(artifacts));
        Objects.requireNonNull(status, "status");
    }

    /** The version's sequence number, for ordering. */
    public long sequence() {
        return RegistryNames.sequence(version);
    }

    /** A copy with a new status; the reason may be null. */
    public VersionManifest withStatus(ModelStatus newStatus, String reason) {
        return new VersionManifest(kind, version, createdAt, trainingData, featureSchemaHash, holdoutMetrics,
                parentVersion, artifacts, newStatus, reason);
    }

    /** One line for CLI listings: version, status, creation time, metrics and the status reason if any. */
    public String summaryLine() {
        var metrics = new StringBuilder();
        holdoutMetrics.forEach((name, value) -> metrics.append(' ').append(name).append('=')
                .append(String.format(Locale.ROOT, "%.4f", value)));
        return version + "  " + status.label() + "  " + createdAt + " " + metrics
                + (statusReason == null ? "" : "  (" + statusReason + ")");
    }

    /** Pretty-printed JSON, exactly what {@code manifest.json} holds; easy to print from a CLI. */
    public String toJson() {
        return ManifestJson.write(this);
    }

    /** Parses {@code manifest.json} text; malformed or incomplete input fails naming the field. */
    public static VersionManifest fromJson(String json) {
        return ManifestJson.read(json);
    }
}
