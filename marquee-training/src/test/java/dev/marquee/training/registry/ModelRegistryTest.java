package dev.marquee.training.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.testkit.FakeClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    @TempDir
    Path tmp;
    final FakeClock clock = new FakeClock(1_750_000_000_000L);

    ModelRegistry registry() {
        return new ModelRegistry(tmp.resolve("registry"), clock);
    }

    @Test
    void register_copiesArtifactsAndRecordsChecksums() throws IOException {
        Path out = RegistryFixtures.trainerOutput(tmp, 1);
        var draft = RegistryFixtures.draft(RegistryFixtures.SCHEMA, Map.of("auc", 0.71, "logloss", 0.42), null);

        VersionManifest m = registry().register("ranker", out, draft);

        assertThat(m.version()).isEqualTo("v000001");
        assertThat(m.status()).isEqualTo(ModelStatus.CANDIDATE);
        assertThat(m.createdAt()).isEqualTo(Instant.ofEpochMilli(clock.millis()));
        assertThat(m.holdoutMetrics()).containsEntry("auc", 0.71).containsEntry("logloss", 0.42);
        assertThat(m.artifacts()).containsOnlyKeys("model.params", "model.json", "embeddings/items.txt");
        assertThat(m.artifacts().get("model.params"))
                .isEqualTo(new ArtifactChecksum(RegistryFixtures.sha256(out.resolve("model.params")), 4097));
        Path versionDir = tmp.resolve("registry/ranker/v000001");
        assertThat(versionDir.resolve("embeddings/items.txt")).hasContent("item-1");
        assertThat(VersionManifest.fromJson(Files.readString(versionDir.resolve("manifest.json")))).isEqualTo(m);
        assertThat(out.resolve("model.params")).exists();
    }

    @Test
    void list_returnsVersionsInOrderPerKind() throws IOException {
        var registry = registry();
        for (int i = 0; i < 3; i++) {
            clock.advance(1_000);
            registry.register("ranker", RegistryFixtures.trainerOutput(tmp, i), RegistryFixtures.draft(Map.of("auc", 0.7)));
        }
        registry.register("two-tower", RegistryFixtures.trainerOutput(tmp, 9), RegistryFixtures.draft(Map.of("recall@100", 0.3)));

        assertThat(registry.list("ranker")).extracting(VersionManifest::version)
                .containsExactly("v000001", "v000002", "v000003");
        assertThat(registry.list("two-tower")).extracting(VersionManifest::version).containsExactly("v000001");
        assertThat(registry.list("ranker-student")).isEmpty();
        assertThat(registry.kinds()).containsExactly("ranker", "two-tower");
    }

    @Test
    void list_ignoresHalfWrittenVersions() throws IOException {
        var registry = registry();
        registry.register("ranker", RegistryFixtures.trainerOutput(tmp, 1), RegistryFixtures.draft(Map.of("auc", 0.7)));
        Path kindDir = tmp.resolve("registry/ranker");
        // a crashed writer's temp dir (even with a manifest inside) and a version dir that never got its manifest
        Path strayTemp = Files.createDirectories(kindDir.resolve(".tmp-crashed"));
        Files.copy(kindDir.resolve("v000001/manifest.json"), strayTemp.resolve("manifest.json"));
        Files.writeString(Files.createDirectories(kindDir.resolve("v000002")).resolve("model.params"), "partial");

        assertThat(registry.list("ranker")).extracting(VersionManifest::version).containsExactly("v000001");
        assertThatThrownBy(() -> registry.load("ranker", "v000002"))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("no registered version ranker/v000002");
        VersionManifest next = registry.register("ranker", RegistryFixtures.trainerOutput(tmp, 2),
                RegistryFixtures.draft(Map.of("auc", 0.7)));
        assertThat(next.version()).isEqualTo("v000003");
    }

    @Test
    void list_skipsUnreadableManifestButManifestNamesIt() throws IOException {
        var registry = registry();
        registry.register("ranker", RegistryFixtures.trainerOutput(tmp, 1), RegistryFixtures.draft(Map.of("auc", 0.7)));
        registry.register("ranker", RegistryFixtures.trainerOutput(tmp, 2), RegistryFixtures.draft(Map.of("auc", 0.7)));
        Files.writeString(tmp.resolve("registry/ranker/v000001/manifest.json"), "{\"kind\":\"ranker\"");

        assertThat(registry.list("ranker")).extracting(VersionManifest::version).containsExactly("v000002");
        assertThatThrownBy(() -> registry.manifest("ranker", "v000001"))
                .isInstanceOf(IOException.class).hasMessageContaining("v000001/manifest.json");
    }

    @Test
    void register_rejectsBadInputWithoutLeavingDebris() throws IOException {
        var registry = registry();
        var draft = RegistryFixtures.draft(Map.of("auc", 0.7));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path withManifest = RegistryFixtures.trainerOutput(tmp, 1);
        Files.writeString(withManifest.resolve("manifest.json"), "{}");
        Path hidden = RegistryFixtures.trainerOutput(tmp, 2);
        Files.writeString(hidden.resolve(".DS_Store"), "x");
        Path withLink = RegistryFixtures.trainerOutput(tmp, 3);
        Files.createSymbolicLink(withLink.resolve("link.params"), withLink.resolve("model.params"));

        assertThatThrownBy(() -> registry.register("../escape", withLink, draft)).hasMessageContaining("lower-case slug");
        assertThatThrownBy(() -> registry.register("ranker", tmp.resolve("nope"), draft)).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> registry.register("ranker", empty, draft)).hasMessageContaining("contains no files");
        assertThatThrownBy(() -> registry.register("ranker", withManifest, draft)).hasMessageContaining("manifest.json");
        assertThatThrownBy(() -> registry.register("ranker", hidden, draft)).hasMessageContaining(".DS_Store");
        assertThatThrownBy(() -> registry.register("ranker", withLink, draft)).hasMessageContaining("link.params");
        assertThatThrownBy(() -> RegistryFixtures.draft(Map.of("auc", Double.NaN))).hasMessageContaining("'auc' must be finite");
        assertThatThrownBy(() -> RegistryFixtures.draft("", Map.of(), null)).hasMessageContaining("featureSchemaHash");
        assertThatThrownBy(() -> new TrainingDataRange(10, 5, 0, 0)).hasMessageContaining("event log offsets");

        try (var entries = Files.list(tmp.resolve("registry/ranker"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).isEmpty();
        }
    }

    @Test
    void register_concurrentWritersOnOneRootGetDistinctVersions() throws Exception {
        var policy = new RetentionPolicy(100, Duration.ofHours(1));
        var a = new ModelRegistry(tmp.resolve("registry"), clock, policy);
        var b = new ModelRegistry(tmp.resolve("registry"), clock, policy);
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            outputs.add(RegistryFixtures.trainerOutput(tmp, i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<VersionManifest>> futures = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                var registry = i % 2 == 0 ? a : b;
                Path out = outputs.get(i);
                futures.add(pool.submit(() -> registry.register("ranker", out, RegistryFixtures.draft(Map.of("auc", 0.7)))));
            }
            List<String> versions = new ArrayList<>();
            for (var f : futures) {
                versions.add(f.get().version());
            }
            assertThat(versions).doesNotHaveDuplicates().hasSize(12);
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.list("ranker")).hasSize(12);
    }

    @Test
    void manifestJson_roundTripsAndNamesBrokenFields() throws IOException {
        VersionManifest m = registry().register("ranker", RegistryFixtures.trainerOutput(tmp, 1),
                RegistryFixtures.draft(RegistryFixtures.SCHEMA, Map.of("auc", 0.7), "v000009"))
                .withStatus(ModelStatus.REJECTED, "auc too low");

        assertThat(VersionManifest.fromJson(m.toJson())).isEqualTo(m);
        assertThat(m.toJson()).contains("\"status\" : \"rejected\"", "\"parentVersion\" : \"v000009\"");
        assertThat(m.summaryLine()).isEqualTo("v000001  rejected  2025-06-15T15:06:40Z  auc=0.7000  (auc too low)");
        String broken = m.toJson().replace("\"eventLogTo\" : 1000", "\"eventLogTo\" : \"soon\"");
        assertThatThrownBy(() -> VersionManifest.fromJson(broken)).hasMessageContaining("eventLogTo must be an integer");
        assertThatThrownBy(() -> VersionManifest.fromJson("[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> VersionManifest.fromJson(m.toJson().replace("rejected", "lost")))
                .hasMessageContaining("unknown model status 'lost'");
    }
}
