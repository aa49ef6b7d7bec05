package dev.marquee.features;

import static dev.marquee.features.EventFixtures.HOUR;
import static dev.marquee.features.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureSnapshotTest {
    @TempDir
    Path dir;
    private final EventFixtures ev = new EventFixtures();

    private InMemoryFeatureStore populated() {
        InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        store.apply(ev.records(ev.video("v1", "c1", "music", T0), ev.video("v2", "c2", "news", T0),
                ev.user("u1", "18-24", "FR", "ios", T0), ev.impression("u1", "v1", T0), ev.click("u1", "v1", T0),
                ev.view("u1", "v1", T0 + 1, 50), ev.view("u1", "v2", T0 + 2, 70), ev.share("u1", "v2", T0 + 3),
                ev.deleted("u9", T0)));
        return store;
    }

    @Test
    void roundTrip_restoresIdenticalState() throws IOException {
        InMemoryFeatureStore store = populated();
        Path file = dir.resolve("a.snap");
        assertThat(FeatureSnapshot.write(store, file)).isEqualTo(store.appliedOffset());
        InMemoryFeatureStore restored = FeatureSnapshot.read(file, FeatureStoreConfig.defaults());
        assertThat(restored.appliedOffset()).isEqualTo(store.appliedOffset());
        assertThat(SnapshotBytes.of(restored)).isEqualTo(SnapshotBytes.of(store));
        UserFeatures a = store.user("u1", T0 + HOUR);
        UserFeatures b = restored.user("u1", T0 + HOUR);
        assertThat(b.recent().videos()).isEqualTo(a.recent().videos());
        assertThat(b.creators().scores()).isEqualTo(a.creators().scores());
        assertThat(b.hasWatched(restored.videos().find("v2"))).isTrue();
        assertThat(restored.videos().find("v2")).isEqualTo(store.videos().find("v2"));
        assertThat(restored.stats().users()).isEqualTo(store.stats().users());
    }

    @Test
    void flippedByte_failsTheChecksum() throws IOException {
        Path file = dir.resolve("b.snap");
        FeatureSnapshot.write(populated(), file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        assertThatThrownBy(() -> FeatureSnapshot.read(file)).isInstanceOf(IOException.class).hasMessageContaining("CRC32C");
    }

    @Test
    void truncatedFile_isRejected() throws IOException {
        Path file = dir.resolve("c.snap");
        FeatureSnapshot.write(populated(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> FeatureSnapshot.read(file)).isInstanceOf(IOException.class);
    }

    @Test
    void otherConfiguration_isRefused() throws IOException {
        Path file = dir.resolve("d.snap");
        FeatureSnapshot.write(populated(), file);
        FeatureStoreConfig other = FeatureStoreConfig.defaults().withAffinityHalfLifeMillis(HOUR);
        assertThatThrownBy(() -> FeatureSnapshot.read(file, other))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("delete the snapshot");
    }
}
