package dev.marquee.training.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a candidate replaces the serving version of its kind: its artifacts must verify, its
 * feature schema hash must equal the one serving provides, and each configured holdout metric must be no
 * worse than the current version's by more than the rule's tolerance. The first version of a kind has no
 * baseline and only needs the schema, intact artifacts and the configured metrics present. A failing
 * candidate is kept as rejected with every failed check as its reason. Reviews hold the kind's lock, so the
 * baseline cannot change between comparison and promotion.
 */
public final class PromotionGate {
    private final ModelRegistry registry;
    private final GateConfig config;

    public PromotionGate(ModelRegistry registry, GateConfig config) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Reviews a {@link ModelStatus#CANDIDATE} version and promotes or rejects it.
     *
     * @param servingSchemaHash the feature schema hash of the serving code that will load the model
     * @throws IllegalStateException if the version is not a candidate (already reviewed)
     */
    public GateDecision review(String kind, String version, String servingSchemaHash) throws IOException {
        Objects.requireNonNull(servingSchemaHash, "servingSchemaHash");
        return registry.locked(kind, () -> decide(kind, version, servingSchemaHash));
    }

    private GateDecision decide(String kind, String version, String servingSchemaHash) throws IOException {
        VersionManifest candidate = registry.manifest(kind, version);
        if (candidate.status() != ModelStatus.CANDIDATE) {
            throw new IllegalStateException(kind + "/" + version + " is " + candidate.status().label()
                    + ", only candidates go through the gate");
        }
        List<String> failures = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        if (!candidate.featureSchemaHash().equals(servingSchemaHash)) {
            failures.add("feature schema " + candidate.featureSchemaHash() + " differs from serving's " + servingSchemaHash);
        }
        try {
            registry.load(kind, version);
        } catch (CorruptArtifactException e) {
            failures.add(e.getMessage());
        }
        Optional<String> current = registry.current(kind);
        VersionManifest baseline = current.isPresent() ? registry.manifest(kind, current.get()) : null;
        for (MetricRule rule : config.rules()) {
            compare(rule, candidate, baseline, failures, passes);
        }
        String baselineVersion = current.orElse(null);
        if (failures.isEmpty()) {
            registry.promote(kind, version, "passed gate: " + (passes.isEmpty() ? "schema matches" : String.join("; ", passes)));
            return new GateDecision(kind, version, baselineVersion, true, passes);
        }
        var findings = new ArrayList<>(failures);
        findings.addAll(passes);
        registry.reject(kind, version, String.join("; ", failures));
        return new GateDecision(kind, version, baselineVersion, false, findings);
    }

    private static void compare(MetricRule rule, VersionManifest candidate, VersionManifest baseline,
                                List<String> failures, List<String> passes) {
        String name = rule.metric();
        Double value = candidate.holdoutMetrics().get(name);
        if (value == null) {
            failures.add("candidate lacks holdout metric " + name);
            return;
        }
        Double base = baseline == null ? null : baseline.holdoutMetrics().get(name);
        if (base == null) {
            passes.add(name + " " + fmt(value) + " (no baseline value to compare)");
            return;
        }
        String line = name + " " + fmt(value) + " vs " + fmt(base) + " of " + baseline.version();
        double worse = rule.regression(value, base);
        if (rule.accepts(value, base)) {
            passes.add(line + (worse > 0 ? ": " + fmt(worse) + " worse, within tolerance " + fmt(rule.tolerance()) : ": not worse"));
        } else {
            failures.add(line + ": " + fmt(worse) + " worse, beyond tolerance " + fmt(rule.tolerance()));
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
