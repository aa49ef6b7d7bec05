package dev.marquee.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Clock;
import dev.marquee.server.Main;
import dev.marquee.training.registry.ManifestDraft;
import dev.marquee.training.registry.ModelRegistry;
import dev.marquee.training.registry.ModelStatus;
import dev.marquee.training.registry.TrainingDataRange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {
    @TempDir
    Path data;

    private ModelRegistry registry;

    @BeforeEach
    void registerTwoVersions() throws Exception {
        registry = new ModelRegistry(data.resolve("models"), Clock.SYSTEM);
        for (int i = 1; i <= 2; i++) {
            Path artifacts = Files.createDirectories(data.resolve("artifacts" + i));
            Files.writeString(artifacts.resolve("weights.bin"), "weights of version " + i);
            var m = registry.register("ranker", artifacts, new ManifestDraft(new TrainingDataRange(0, 100L * i, 0, 0),
                    "schema-1", Map.of("auc", 0.70 + i / 100.0), null));
            registry.promote("ranker", m.version());
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void list_marksCurrentVersionAndNamesRollbackTarget() {
        Run r = run("models", "list", "--data", data.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("ranker (current: v000002, rollback to v000001)")
                .contains("  * v000002  promoted").contains("    v000001  retired");
    }

    @Test
    void rollback_restoresPreviousVersion_thenPromoteGoesForwardAgain() throws Exception {
        Run back = run("models", "rollback", "ranker", "--data", data.toString());
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(back.out()).contains("rolled back ranker from v000002 to v000001");
        assertThat(registry.current("ranker")).contains("v000001");
        assertThat(registry.manifest("ranker", "v000002").status()).isEqualTo(ModelStatus.REJECTED);

        Run second = run("models", "rollback", "ranker", "--data", data.toString());
        assertThat(second.exit()).isEqualTo(2);
        assertThat(second.err()).contains("cannot roll back ranker");

        Run fwd = run("models", "promote", "ranker", "v000002", "--data", data.toString(), "--reason", "fixed");
        assertThat(fwd.exit()).as(fwd.err()).isZero();
        assertThat(registry.current("ranker")).contains("v000002");
        assertThat(registry.manifest("ranker", "v000002").statusReason()).isEqualTo("fixed");
    }

    @Test
    void promote_refusesCorruptArtifact_andKeepsCurrent() throws Exception {
        registry.rollback("ranker");
        Files.writeString(data.resolve("models/ranker/v000002/weights.bin"), "tampered");
        Run r = run("models", "promote", "ranker", "v000002", "--data", data.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("refused").contains("weights.bin");
        assertThat(registry.current("ranker")).contains("v000001");
    }

    @Test
    void unknownKindOrVersion_isCliErrorNotCrash() {
        Run kind = run("models", "promote", "nope", "v000001", "--data", data.toString());
        assertThat(kind.exit()).isEqualTo(2);
        assertThat(kind.err()).contains("no model kind 'nope'");
        Run version = run("models", "show", "ranker", "v000009", "--data", data.toString());
        assertThat(version.exit()).isEqualTo(2);
        assertThat(version.err()).contains("no version 'v000009'");
        Run noRegistry = run("models", "list", "--data", data.resolve("elsewhere").toString());
        assertThat(noRegistry.exit()).isEqualTo(2);
        assertThat(noRegistry.err()).contains("no model registry");
    }

    @Test
    void show_printsManifestJson() {
        Run r = run("models", "show", "ranker", "v000001", "--data", data.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"version\"").contains("v000001").contains("schema-1");
    }
}
