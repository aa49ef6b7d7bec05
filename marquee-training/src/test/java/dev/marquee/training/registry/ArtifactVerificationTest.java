package dev.marquee.training.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.testkit.FakeClock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactVerificationTest {
    @TempDir
    Path tmp;
    ModelRegistry registry;
    Path versionDir;

    @BeforeEach
    void registerOne() throws IOException {
        registry = new ModelRegistry(tmp.resolve("registry"), new FakeClock(0));
        registry.register("ranker", RegistryFixtures.trainerOutput(tmp, 1), RegistryFixtures.draft(Map.of("auc", 0.7)));
        versionDir = tmp.resolve("registry/ranker/v000001");
    }

    @Test
    void load_returnsVerifiedArtifactPaths() throws IOException {
        LoadedVersion loaded = registry.load("ranker", "v000001");

        assertThat(loaded.artifact("embeddings/items.txt")).hasContent("item-1");
        assertThatThrownBy(() -> loaded.artifact("weights.bin"))
                .hasMessageContaining("no artifact 'weights.bin'").hasMessageContaining("model.params");
    }

    @Test
    void load_refusesFlippedByte() throws IOException {
        try (var file = new RandomAccessFile(versionDir.resolve("model.params").toFile(), "rw")) {
            file.seek(1000);
            int b = file.read();
            file.seek(1000);
            file.write(b ^ 0x01);
        }

        assertThatThrownBy(() -> registry.load("ranker", "v000001"))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("ranker/v000001").hasMessageContaining("'model.params' fails its checksum")
                .satisfies(e -> assertThat(((CorruptArtifactException) e).artifact()).isEqualTo("model.params"));
    }

    @Test
    void load_refusesTruncatedFile() throws IOException {
        try (var file = new RandomAccessFile(versionDir.resolve("model.params").toFile(), "rw")) {
            file.setLength(100);
        }

        assertThatThrownBy(() -> registry.load("ranker", "v000001"))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("'model.params' is truncated: 100 bytes, manifest says 4097");
    }

    @Test
    void load_refusesMissingNestedFile() throws IOException {
        Files.delete(versionDir.resolve("embeddings/items.txt"));

        assertThatThrownBy(() -> registry.load("ranker", "v000001"))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("'embeddings/items.txt' is missing");
    }

    @Test
    void load_refusesManifestThatDescribesAnotherVersion() throws IOException {
        Path manifest = versionDir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("v000001", "v000004"));

        assertThatThrownBy(() -> registry.load("ranker", "v000001"))
                .isInstanceOf(IOException.class).hasMessageContaining("describes ranker/v000004");
    }
}
