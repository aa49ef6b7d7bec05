package dev.marquee.training.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.testkit.FakeClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionGateTest {
    static final GateConfig RANKER_GATE = GateConfig.of(
            MetricRule.higherIsBetter("auc", 0.005), MetricRule.lowerIsBetter("logloss", 0.01));
    @TempDir
    Path tmp;
    ModelRegistry registry;
    PromotionGate gate;
    int seed;

    @BeforeEach
    void setUp() {
        registry = new ModelRegistry(tmp.resolve("registry"), new FakeClock(0));
        gate = new PromotionGate(registry, RANKER_GATE);
    }

    String register(String schema, double auc, double logloss) throws IOException {
        return registry.register("ranker", RegistryFixtures.trainerOutput(tmp, ++seed),
                RegistryFixtures.draft(schema, Map.of("auc", auc, "logloss", logloss), null)).version();
    }

    String promotedBaseline() throws IOException {
        String v = register(RegistryFixtures.SCHEMA, 0.720, 0.400);
        assertThat(gate.review("ranker", v, RegistryFixtures.SCHEMA).promoted()).isTrue();
        return v;
    }

    @Test
    void firstVersion_isPromotedWhenSchemaMatches() throws IOException {
        String v = register(RegistryFixtures.SCHEMA, 0.60, 0.60);

        GateDecision decision = gate.review("ranker", v, RegistryFixtures.SCHEMA);

        assertThat(decision.promoted()).isTrue();
        assertThat(decision.baseline()).isNull();
        assertThat(registry.current("ranker")).contains(v);
        assertThat(registry.manifest("ranker", v).statusReason()).startsWith("passed gate: auc 0.6000 (no baseline");
    }

    @Test
    void schemaMismatch_isRejectedEvenForFirstVersion() throws IOException {
        String v = register("schema-old", 0.80, 0.30);

        GateDecision decision = gate.review("ranker", v, RegistryFixtures.SCHEMA);

        assertThat(decision.promoted()).isFalse();
        assertThat(registry.current("ranker")).isEmpty();
        VersionManifest m = registry.manifest("ranker", v);
        assertThat(m.status()).isEqualTo(ModelStatus.REJECTED);
        assertThat(m.statusReason()).isEqualTo("feature schema schema-old differs from serving's " + RegistryFixtures.SCHEMA);
    }

    @Test
    void worseAucBeyondTolerance_isRejectedAndCurrentStays() throws IOException {
        String baseline = promotedBaseline();
        String v = register(RegistryFixtures.SCHEMA, 0.700, 0.400);

        GateDecision decision = gate.review("ranker", v, RegistryFixtures.SCHEMA);

        assertThat(decision.promoted()).isFalse();
        assertThat(decision.baseline()).isEqualTo(baseline);
        assertThat(registry.current("ranker")).contains(baseline);
        assertThat(registry.manifest("ranker", v).statusReason())
                .isEqualTo("auc 0.7000 vs 0.7200 of v000001: 0.0200 worse, beyond tolerance 0.0050");
    }

    @Test
    void higherLoglossBeyondTolerance_isRejected() throws IOException {
        promotedBaseline();
        String v = register(RegistryFixtures.SCHEMA, 0.730, 0.420);

        GateDecision decision = gate.review("ranker", v, RegistryFixtures.SCHEMA);

        assertThat(decision.promoted()).isFalse();
        assertThat(decision.reason()).startsWith("logloss 0.4200 vs 0.4000 of v000001: 0.0200 worse, beyond tolerance 0.0100");
        assertThat(decision.findings()).anyMatch(f -> f.startsWith("auc 0.7300 vs 0.7200") && f.endsWith("not worse"));
    }

    @Test
    void regressionWithinTolerance_isPromoted() throws IOException {
        String baseline = promotedBaseline();
        String v = register(RegistryFixtures.SCHEMA, 0.717, 0.405);

        GateDecision decision = gate.review("ranker", v, RegistryFixtures.SCHEMA);

        assertThat(decision.promoted()).isTrue();
        assertThat(registry.current("ranker")).contains(v);
        assertThat(registry.pointer("ranker").orElseThrow().previous()).contains(baseline);
        assertThat(decision.findings()).containsExactly(
                "auc 0.7170 vs 0.7200 of v000001: 0.0030 worse, within tolerance 0.0050",
                "logloss 0.4050 vs 0.4000 of v000001: 0.0050 worse, within tolerance 0.0100");
    }

    @Test
    void corruptOrIncompleteCandidate_isRejectedWithEveryReason() throws IOException {
        promotedBaseline();
        String corrupt = register(RegistryFixtures.SCHEMA, 0.80, 0.30);
        Path params = tmp.resolve("registry/ranker").resolve(corrupt).resolve("model.params");
        Files.write(params, new byte[(int) Files.size(params)]);
        String noLogloss = registry.register("ranker", RegistryFixtures.trainerOutput(tmp, ++seed),
                RegistryFixtures.draft(Map.of("auc", 0.8))).version();

        GateDecision first = gate.review("ranker", corrupt, "schema-new");
        GateDecision second = gate.review("ranker", noLogloss, RegistryFixtures.SCHEMA);

        assertThat(first.promoted()).isFalse();
        assertThat(registry.manifest("ranker", corrupt).statusReason())
                .contains("differs from serving's schema-new", "'model.params' fails its checksum");
        assertThat(second.promoted()).isFalse();
        assertThat(second.reason()).startsWith("candidate lacks holdout metric logloss");
        assertThat(registry.current("ranker")).contains("v000001");
    }

    @Test
    void review_refusesVersionsAlreadyDecided() throws IOException {
        String v = promotedBaseline();

        assertThatThrownBy(() -> gate.review("ranker", v, RegistryFixtures.SCHEMA))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is promoted, only candidates");
    }

    @Test
    void config_refusesDuplicateOrNegativeRules() {
        assertThatThrownBy(() -> GateConfig.of(MetricRule.higherIsBetter("auc", 0), MetricRule.lowerIsBetter("auc", 0)))
                .hasMessageContaining("lists metric auc twice");
        assertThatThrownBy(() -> MetricRule.higherIsBetter("auc", -0.1)).hasMessageContaining("tolerance of auc");
    }
}
