package dev.marquee.training.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.testkit.FakeClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    @TempDir
    Path tmp;

    @Test
    void register_keepsLastNPlusCurrentAndPrevious() throws IOException {
        var clock = new FakeClock(System.currentTimeMillis());
        var registry = new ModelRegistry(tmp.resolve("registry"), clock, new RetentionPolicy(3, Duration.ofHours(1)));
        for (int i = 1; i <= 3; i++) {
            registry.register("ranker", RegistryFixtures.trainerOutput(tmp, i), RegistryFixtures.draft(Map.of("auc", 0.7)));
        }
        registry.promote("ranker", "v000001");
        registry.promote("ranker", "v000002");
        registry.promote("ranker", "v000003");
        for (int i = 4; i <= 7; i++) {
            registry.register("ranker", RegistryFixtures.trainerOutput(tmp, i), RegistryFixtures.draft(Map.of("auc", 0.7)));
        }

        assertThat(registry.list("ranker")).extracting(VersionManifest::version)
                .containsExactly("v000002", "v000003", "v000005", "v000006", "v000007");
        assertThat(registry.pointer("ranker").orElseThrow().history()).containsExactly("v000002");
        assertThat(tmp.resolve("registry/ranker/v000001")).doesNotExist();
        assertThat(registry.rollback("ranker").version()).isEqualTo("v000002");
    }

    @Test
    void prune_removesStaleTempDirsButNotFreshOnes() throws IOException {
        var clock = new FakeClock(System.currentTimeMillis());
        var registry = new ModelRegistry(tmp.resolve("registry"), clock);
        registry.register("ranker", RegistryFixtures.trainerOutput(tmp, 1), RegistryFixtures.draft(Map.of("auc", 0.7)));
        Path kindDir = tmp.resolve("registry/ranker");
        Path stale = Files.createDirectories(kindDir.resolve(".tmp-crashed"));
        Files.writeString(stale.resolve("model.params"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.ofEpochMilli(clock.millis()).minus(Duration.ofHours(2))));
        Path fresh = Files.createDirectories(kindDir.resolve(".tmp-in-progress"));

        assertThat(registry.prune("ranker")).isEmpty();

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(registry.list("ranker")).hasSize(1);
    }

    @Property(tries = 200)
    void versionsToDelete_keepsNewestAndPromotedPair(@ForAll @IntRange(min = 0, max = 30) int count,
                                                     @ForAll @IntRange(min = 1, max = 12) int keepLast,
                                                     @ForAll @IntRange(min = 1, max = 30) int current,
                                                     @ForAll @IntRange(min = 1, max = 30) int previous) {
        List<VersionManifest> versions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            versions.add(manifest(i));
        }
        Optional<PromotionPointer> pointer = current <= count && previous <= count && current != previous
                ? Optional.of(new PromotionPointer("ranker", RegistryNames.version(current),
                        List.of(RegistryNames.version(previous))))
                : Optional.empty();

        Set<String> doomed = new RetentionPolicy(keepLast, Duration.ZERO).versionsToDelete(versions, pointer);

        int protectedOld = pointer.isEmpty() ? 0
                : (current <= count - keepLast ? 1 : 0) + (previous <= count - keepLast ? 1 : 0);
        assertThat(doomed).hasSize(Math.max(0, count - keepLast) - protectedOld);
        pointer.ifPresent(p -> assertThat(doomed).doesNotContain(p.current(), p.previous().orElseThrow()));
        for (int i = Math.max(1, count - keepLast + 1); i <= count; i++) {
            assertThat(doomed).doesNotContain(RegistryNames.version(i));
        }
    }

    private static VersionManifest manifest(int sequence) {
        return new VersionManifest("ranker", RegistryNames.version(sequence), Instant.EPOCH,
                new TrainingDataRange(0, 0, 0, 0), "s", Map.of(), null,
                Map.of("m", new ArtifactChecksum("0".repeat(64), 0)), ModelStatus.CANDIDATE, null);
    }
}
