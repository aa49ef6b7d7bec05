package dev.marquee.training.twotower;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.InMemoryEventLog;
import dev.marquee.events.Interaction;
import dev.marquee.events.LogRecord;
import dev.marquee.events.UserDeleted;
import dev.marquee.feed.retrieval.TextVectorStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tombstone rule in two-tower data: no positive, feature row or holdout truth of a user deleted later. */
class ForgottenUserTwoTowerTest {
    @Test
    void userDeletedAfterTheirHistory_isInNoExample() throws Exception {
        SmallWorld small = SmallWorld.get();
        InMemoryEventLog log = new InMemoryEventLog();
        Map<String, Integer> interactions = new HashMap<>();
        long last = 0;
        for (long from = 0; from < small.log.endOffset(); ) {
            List<LogRecord> batch = small.log.read(from, 8192);
            for (LogRecord r : batch) {
                if (r.event() instanceof Interaction i && !"impression".equals(i.type())) {
                    interactions.merge(i.userId(), 1, Integer::sum);
                }
                last = Math.max(last, r.event().timestamp());
            }
            log.append(batch.stream().map(LogRecord::event).toList());
            from = batch.getLast().offset() + 1;
        }
        String forgotten = interactions.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        log.append(List.of(new UserDeleted("forget-" + forgotten, last, forgotten)));

        TwoTowerDatasets data;
        try (TextVectorStore texts = small.openTextStore()) {
            data = new TwoTowerDatasetBuilder(SmallWorld.jobConfig()).build(log, small.texts(texts), TwoTowerJobListener.NONE);
        }
        int examples = 0;
        for (ExampleOrigins o : List.of(data.trainOrigins(), data.validationOrigins())) {
            for (long offset : o.offsets()) {
                Interaction positive = (Interaction) log.read(offset, 1).getFirst().event();
                assertThat(positive.userId()).as("positive at offset %d", offset).isNotEqualTo(forgotten);
                examples++;
            }
        }
        assertThat(examples).isPositive();
        assertThat(data.store().user(forgotten, last).known()).as("feature store of the dataset").isFalse();
        System.out.printf("two-tower: user %s (%d interactions) forgotten; %d examples, none theirs%n",
                forgotten, interactions.get(forgotten), examples);
    }
}
