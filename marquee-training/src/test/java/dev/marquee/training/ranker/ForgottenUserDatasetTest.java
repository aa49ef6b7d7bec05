package dev.marquee.training.ranker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.InMemoryEventLog;
import dev.marquee.events.LogRecord;
import dev.marquee.events.UserDeleted;
import dev.marquee.events.View;
import dev.marquee.training.join.TrainingExample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tombstone rule in the ranker's bootstrap set: a user deleted at the end contributes no example at all. */
class ForgottenUserDatasetTest {
    @Test
    void userDeletedAfterTheirHistory_hasNoExampleInTheNextDataset_andAViewAfterTheDeletionCounts() {
        SmallHistory history = new SmallHistory(7L);
        DatasetBuildConfig config = DatasetBuildConfig.defaults().withSampleRate(0.5);
        Map<String, Integer> before = examplesPerUser(new PointInTimeDatasetBuilder(config), history.log);
        String forgotten = before.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(before.get(forgotten)).isPositive();

        InMemoryEventLog withTombstone = new InMemoryEventLog();
        for (long from = 0; from < history.log.endOffset(); ) {
            List<LogRecord> batch = history.log.read(from, 8192);
            withTombstone.append(batch.stream().map(LogRecord::event).toList());
            from = batch.getLast().offset() + 1;
        }
        long deletedAt = history.endMillis() + 1;
        withTombstone.append(List.of(new UserDeleted("forget-" + forgotten, deletedAt, forgotten)));
        Map<String, Integer> after = examplesPerUser(new PointInTimeDatasetBuilder(config), withTombstone);

        assertThat(after).doesNotContainKey(forgotten);
        assertThat(after.keySet()).containsAll(before.keySet().stream().filter(u -> !u.equals(forgotten)).toList());
        System.out.printf("forgotten user %s: %d examples before the deletion, 0 after; %d other users keep theirs%n",
                forgotten, before.get(forgotten), after.size());
    }

    @Test
    void tombstoneRule_keepsEventsAfterTheDeletion() {
        InMemoryEventLog log = new InMemoryEventLog();
        log.append(List.of(new UserDeleted("d", 1_000, "u1"),
                new View("v-after", 2_000, "u1", "video", null, 40.0)));
        var rule = dev.marquee.training.join.UserTombstones.scan(log);
        assertThat(rule.suppresses("u1", 1_000)).isTrue();
        assertThat(rule.suppresses("u1", 999)).isTrue();
        assertThat(rule.suppresses("u1", 2_000)).isFalse();
        assertThat(rule.suppresses("u2", 0)).isFalse();
    }

    private static Map<String, Integer> examplesPerUser(PointInTimeDatasetBuilder builder, InMemoryEventLog log) {
        Map<String, Integer> perUser = new HashMap<>();
        builder.build(log, (TrainingExample e) -> perUser.merge(e.impression().userId(), 1, Integer::sum));
        return perUser;
    }
}
