package dev.marquee.models.twotower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshTierPolicyTest {
    private static final long CUTOFF = 1_000_000L;

    @TempDir
    Path dir;

    private static FreshTierPolicy policy() {
        return FreshTierPolicy.of(CUTOFF, List.of("v2", "v1", "v2", "v9"), new ContentScoreCalibration(1.0, 0.048), 0.2);
    }

    @Test
    void freshFromTheCutoff_contentPathForEveryVideoNeverTrainedOn() {
        FreshTierPolicy p = policy();
        assertThat(p.isFresh("v1", CUTOFF - 1)).as("trained, uploaded before the cutoff").isFalse();
        assertThat(p.usesContentPath("v1", CUTOFF - 1)).isFalse();
        assertThat(p.isFresh("v1", CUTOFF)).as("uploaded at the cutoff: nothing from then on trained it").isTrue();
        assertThat(p.usesContentPath("v1", CUTOFF)).isTrue();
        assertThat(p.isFresh("v3", CUTOFF - 1)).as("old, never a training target: main tier").isFalse();
        assertThat(p.usesContentPath("v3", CUTOFF - 1)).as("but its id row is untrained").isTrue();
        assertThat(p.trainedVideos()).hasSize(3); // duplicates collapse
    }

    @Test
    void quota_isTheShareOfKRoundedUp() {
        assertThat(policy().quota(500)).isEqualTo(100);
        assertThat(policy().quota(7)).isEqualTo(2);
        assertThat(policy().with(ContentScoreCalibration.IDENTITY, 1.0).quota(500)).isEqualTo(500);
        assertThatThrownBy(() -> policy().with(ContentScoreCalibration.IDENTITY, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saveThenLoad_roundTrips() throws IOException {
        FreshTierPolicy p = policy();
        p.save(dir);
        FreshTierPolicy back = FreshTierPolicy.load(dir).orElseThrow();
        assertThat(back).isEqualTo(p);
        assertThat(back.usesContentPath("v9", CUTOFF - 5)).isFalse();
        assertThat(back.usesContentPath("v8", CUTOFF - 5)).isTrue();
        assertThat(back.calibration().apply(0.4f)).isEqualTo(0.448f);
        assertThat(Files.exists(dir.resolve(FreshTierPolicy.FILE_NAME + ".tmp"))).isFalse();
    }

    @Test
    void load_withoutAFile_isEmpty_anOldModelHasNoFreshTier() throws IOException {
        assertThat(FreshTierPolicy.load(dir)).isEmpty();
    }

    @Test
    void load_rejectsAForeignFile() throws IOException {
        Files.write(dir.resolve(FreshTierPolicy.FILE_NAME), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> FreshTierPolicy.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a fresh-tier file");
    }
}
