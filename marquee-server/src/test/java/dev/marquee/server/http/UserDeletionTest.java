package dev.marquee.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.FileEventLog;
import dev.marquee.events.Interaction;
import dev.marquee.events.LogRecord;
import dev.marquee.features.FeatureSnapshot;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.server.DataDir;
import dev.marquee.server.FeatureStoreLoader;
import dev.marquee.server.Replay;
import dev.marquee.server.TrainedWorld;
import dev.marquee.training.ranker.DatasetBuildConfig;
import dev.marquee.training.ranker.PointInTimeDatasetBuilder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DELETE /v1/users/{id}} forgets a user everywhere: the live store (features, Bloom filter, history),
 * a restart (snapshot and full replay) and the next ranker training dataset built from the log; the user
 * still gets a (new-user) feed. (The two-tower dataset obeys the same tombstone rule:
 * {@code ForgottenUserTwoTowerTest} in marquee-training.)
 */
class UserDeletionTest {
    @TempDir
    Path tmp;

    @Test
    void deletedUser_isGoneFromTheStore_fromReplay_andFromTheNextTrainingDataset() throws Exception {
        DataDir dir = TrainedWorld.copyTo(tmp.resolve("data"));
        String user;
        try (FileEventLog log = FileEventLog.open(dir.events())) {
            Map<String, Integer> perUser = new HashMap<>();
            for (long from = 0; from < log.endOffset(); ) {
                var part = log.read(from, 8192);
                for (LogRecord r : part) {
                    if (r.event() instanceof Interaction i) {
                        perUser.merge(i.userId(), 1, Integer::sum);
                    }
                }
                from = part.getLast().offset() + 1;
            }
            user = perUser.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(rankerExamplesOf(user, log)).as("the user's examples before the deletion").isPositive();
        }

        try (ServerHarness server = new ServerHarness(dir.root())) {
            int usersBefore = ServerHarness.json(server.get("/v1/status")).get("users").asInt();
            HttpResponse<String> deleted = server.send("DELETE", "/v1/users/" + user, "");
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
            assertThat(ServerHarness.json(deleted).get("applied").asBoolean()).isTrue();
            assertThat(ServerHarness.json(server.get("/v1/status")).get("users").asInt()).isEqualTo(usersBefore - 1);
            assertThat(ServerHarness.json(server.get("/v1/feed/" + user + "?limit=5")).get("items").size()).isPositive();
        }

        long now = Instant.now().toEpochMilli();
        InMemoryFeatureStore snapshot = FeatureSnapshot.read(FeatureStoreLoader.snapshotFile(dir), FeatureStoreConfig.defaults());
        assertThat(snapshot.user(user, now).known()).as("forgotten in the serving store's snapshot").isFalse();
        try (FileEventLog log = FileEventLog.open(dir.events())) {
            InMemoryFeatureStore replayed = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
            Replay.into(replayed, log, o -> { });
            var f = replayed.user(user, now);
            assertThat(f.known()).as("forgotten after a full replay").isFalse();
            assertThat(f.recent().size()).isZero();
            assertThat(f.recentLongViews()).isEmpty();
            assertThat(rankerExamplesOf(user, log)).as("the user's examples in the next ranker dataset").isZero();
        }
    }

    private static int rankerExamplesOf(String user, FileEventLog log) {
        int[] n = {0};
        new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults().withSampleRate(1.0))
                .build(log, e -> n[0] += e.impression().userId().equals(user) ? 1 : 0);
        return n[0];
    }
}
