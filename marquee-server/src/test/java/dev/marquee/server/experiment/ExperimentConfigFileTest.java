package dev.marquee.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExperimentConfigFileTest {
    @Test
    void parse_readsVariantsAndOverrides() {
        ExperimentConfig c = ExperimentConfigFile.parse("""
                {"experiments": [{"name": "w", "variants": [
                  {"name": "control", "share": 0.5},
                  {"name": "watch", "share": 0.4, "overrides": {"weights": {"watch": 8}, "explorationShare": 0,
                   "epsilonGreedy": 1.0, "rankerKind": "ranker"}}]}]}""", "test");
        Experiment e = c.find("w").orElseThrow();
        assertThat(e.control().name()).isEqualTo("control");
        VariantOverrides o = e.variant("watch").overrides();
        assertThat(o.weights().watch()).isEqualTo(8.0);
        assertThat(o.weights().click()).isEqualTo(1.0);
        assertThat(o.explorationShare()).isZero();
        assertThat(o.rankerKind()).isEqualTo("ranker");
        assertThat(e.label(e.variant("watch"))).isEqualTo("w:watch");
    }

    @Test
    void parse_rejectsSharesAboveOne() {
        assertThatThrownBy(() -> ExperimentConfigFile.parse("""
                {"experiments": [{"name": "w", "variants": [{"name": "a", "share": 0.6}, {"name": "b", "share": 0.6}]}]}""", "f.json"))
                .hasMessageContaining("f.json at $.experiments[0]").hasMessageContaining("shares sum to 1.2");
    }

    @Test
    void parse_namesUnknownFieldsAndBadValues() {
        assertThatThrownBy(() -> ExperimentConfigFile.parse("""
                {"experiments": [{"name": "w", "variants": [{"name": "a", "share": 0.5, "overides": {}}, {"name": "b", "share": 0.1}]}]}""", "f"))
                .hasMessageContaining("variants[0]").hasMessageContaining("unknown field 'overides'");
        assertThatThrownBy(() -> ExperimentConfigFile.parse("""
                {"experiments": [{"name": "w", "variants": [{"name": "a", "share": 0.5,
                 "overrides": {"explorationShare": 1.5}}, {"name": "b", "share": 0.1}]}]}""", "f"))
                .hasMessageContaining("explorationShare must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> ExperimentConfigFile.parse("""
                {"experiments": [{"name": "w", "variants": [{"name": "a", "share": 0.5}]}]}""", "f"))
                .hasMessageContaining("at least 2 variants");
        assertThatThrownBy(() -> ExperimentConfigFile.parse("{", "f")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ExperimentConfigFile.parse("""
                {"experiments": [{"name": "w w", "variants": []}]}""", "f")).hasMessageContaining("experiment name must match");
    }

    @Test
    void readOrNone_returnsNoExperimentsWithoutAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(ExperimentConfigFile.readOrNone(dir.resolve("experiments.json")).experiments()).isEmpty();
    }
}
