package dev.marquee.training.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.testkit.FakeClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionTest {
    @TempDir
    Path tmp;
    ModelRegistry registry;

    @BeforeEach
    void registerThree() throws IOException {
        registry = new ModelRegistry(tmp.resolve("registry"), new FakeClock(0));
        for (int i = 1; i <= 3; i++) {
            registry.register("ranker", RegistryFixtures.trainerOutput(tmp, i), RegistryFixtures.draft(Map.of("auc", 0.7)));
        }
    }

    @Test
    void promote_movesPointerAndRetiresPrevious() throws IOException {
        assertThat(registry.current("ranker")).isEmpty();

        registry.promote("ranker", "v000001");
        registry.promote("ranker", "v000002");

        assertThat(registry.current("ranker")).contains("v000002");
        assertThat(registry.pointer("ranker").orElseThrow().history()).containsExactly("v000001");
        assertThat(registry.manifest("ranker", "v000002").status()).isEqualTo(ModelStatus.PROMOTED);
        assertThat(registry.manifest("ranker", "v000001").status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(registry.manifest("ranker", "v000001").statusReason()).isEqualTo("superseded by v000002");
        try (var entries = Files.list(tmp.resolve("registry/ranker"))) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(".lock", "current.json", "v000001", "v000002", "v000003");
        }
    }

    @Test
    void promote_isIdempotentForTheCurrentVersion() throws IOException {
        registry.promote("ranker", "v000001");
        registry.promote("ranker", "v000001");

        assertThat(registry.pointer("ranker").orElseThrow()).isEqualTo(new PromotionPointer("ranker", "v000001", List.of()));
    }

    @Test
    void rollback_restoresPreviousPromotedVersionsInOrder() throws IOException {
        registry.promote("ranker", "v000001");
        registry.promote("ranker", "v000002");
        registry.promote("ranker", "v000003");

        VersionManifest restored = registry.rollback("ranker");

        assertThat(restored.version()).isEqualTo("v000002");
        assertThat(registry.current("ranker")).contains("v000002");
        assertThat(registry.manifest("ranker", "v000003").status()).isEqualTo(ModelStatus.REJECTED);
        assertThat(registry.manifest("ranker", "v000003").statusReason()).isEqualTo("rolled back to v000002");
        assertThat(registry.rollback("ranker").version()).isEqualTo("v000001");
        assertThatThrownBy(() -> registry.rollback("ranker"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("v000001 is the only version ever promoted");
    }

    @Test
    void rollback_withNothingPromotedFails() {
        assertThatThrownBy(() -> registry.rollback("ranker"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing was ever promoted");
    }

    @Test
    void promote_refusesCorruptOrUnknownVersionAndKeepsPointer() throws IOException {
        registry.promote("ranker", "v000001");
        Files.writeString(tmp.resolve("registry/ranker/v000002/model.json"), "{\"dim\":0}");

        assertThatThrownBy(() -> registry.promote("ranker", "v000002")).isInstanceOf(CorruptArtifactException.class);
        assertThatThrownBy(() -> registry.promote("ranker", "v000042")).hasMessageContaining("no registered version ranker/v000042");
        assertThatThrownBy(() -> registry.promote("ranker", "latest")).hasMessageContaining("must look like v000012");
        assertThat(registry.current("ranker")).contains("v000001");
        assertThat(registry.manifest("ranker", "v000002").status()).isEqualTo(ModelStatus.CANDIDATE);
    }

    @Test
    void rollback_refusesCorruptTargetAndKeepsPointer() throws IOException {
        registry.promote("ranker", "v000001");
        registry.promote("ranker", "v000002");
        Files.delete(tmp.resolve("registry/ranker/v000001/model.params"));

        assertThatThrownBy(() -> registry.rollback("ranker")).isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("'model.params' is missing");
        assertThat(registry.current("ranker")).contains("v000002");
    }

    @Test
    void pointer_unreadableFailsClearly() throws IOException {
        registry.promote("ranker", "v000001");
        Files.writeString(tmp.resolve("registry/ranker/current.json"), "{\"kind\":\"ranker\"}");

        assertThatThrownBy(() -> registry.current("ranker")).isInstanceOf(IOException.class)
                .hasMessageContaining("current.json");
    }
}
