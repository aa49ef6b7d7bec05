package dev.marquee.training.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.Impression;
import dev.marquee.events.InMemoryEventLog;
import dev.marquee.events.LogRecord;
import dev.marquee.events.UserProfile;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import dev.marquee.feed.ranking.RankerFeatureSchema;
import dev.marquee.training.join.TrainingExample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PointInTimeDatasetBuilderTest {
    static final long T = 1_700_000_000_000L, MIN = 60_000L;
    static final int ITEM_CLICKS_1H = col("item_ln1p_clicks_1h"), ITEM_IMPRESSIONS = col("item_ln1p_impressions_total"),
            USER_CLICKS = col("user_ln1p_clicks"), USER_IMPRESSIONS = col("user_ln1p_impressions"),
            USER_WATCHED = col("user_watched");

    static int col(String name) {
        return RankerFeatureSchema.SCHEMA.column(name);
    }

    int ids;

    String id() {
        return "e" + ids++;
    }

    @Test
    void lateEvents_fromConcurrentClients_areAppliedInLogOrder_andLabelTheirImpression() {
        List<Event> events = new ArrayList<>();
        events.add(new VideoUpserted(id(), T - 86_400_000L, new Video("v1", "k1", "c1", "t", List.of(), 90, T - 86_400_000L, "en")));
        events.add(new UserUpserted(id(), T - 3_600_000L, new UserProfile("u1", "18-24", "US", "mobile", T - 3_600_000L)));
        events.add(new Impression(id(), T, "u1", "v1", "r1", 0));
        events.add(new View(id(), T + 2 * MIN, "u1", "v1", "r1", 40));
        events.add(new Click(id(), T + MIN, "u1", "v1", "r1")); // posted in a later batch, stamped earlier
        events.add(new Impression(id(), T + 10 * MIN, "u1", "v1", "r2", 0));
        InMemoryEventLog log = new InMemoryEventLog();
        log.append(events);

        Map<String, TrainingExample> byRequest = new HashMap<>();
        BootstrapDataset data = new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults())
                .build(log, e -> byRequest.put(e.impression().requestId(), e));

        assertThat(data.lateEvents()).isEqualTo(1);
        assertThat(data.lastEventMillis()).isEqualTo(T + 10 * MIN);
        assertThat(byRequest.get("r1").click()).isTrue();
        assertThat(byRequest.get("r1").watch30()).isTrue();
        assertThat(byRequest.get("r2").impression().features()[USER_CLICKS]).isEqualTo((float) Math.log1p(1));
    }

    @Test
    void noLeakage_featuresThatChangeAfterTheImpressionNeverReachItsExample() {
        List<Event> events = new ArrayList<>();
        for (String v : List.of("v1", "v2")) {
            events.add(new VideoUpserted(id(), T - 86_400_000L, new Video(v, "k1", "c1", "t", List.of(), 90, T - 86_400_000L, "en")));
        }
        for (String u : List.of("u1", "u2")) {
            events.add(new UserUpserted(id(), T - 3_600_000L, new UserProfile(u, "18-24", "US", "mobile", T - 3_600_000L)));
        }
        events.add(new Impression(id(), T, "u1", "v1", "r1", 0));
        events.add(new Impression(id(), T, "u1", "v2", "r1", 1));
        events.add(new Click(id(), T + MIN, "u1", "v1", "r1"));
        events.add(new View(id(), T + 2 * MIN, "u1", "v1", "r1", 40));
        for (int i = 0; i < 20; i++) {
            events.add(new Click(id(), T + 3 * MIN + i, "u2", "v1", "o" + i));
        }
        events.add(new Impression(id(), T + 10 * MIN, "u1", "v1", "r2", 0));
        InMemoryEventLog log = new InMemoryEventLog();
        log.append(events);

        Map<String, TrainingExample> byKey = new HashMap<>();
        BootstrapDataset data = new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults())
                .build(log, e -> byKey.put(e.impression().requestId() + "/" + e.impression().videoId(), e));

        assertThat(data.table().rows()).isEqualTo(3);
        TrainingExample first = byKey.get("r1/v1");
        assertThat(first.click()).isTrue();
        assertThat(first.watch30()).isTrue();
        float[] before = first.impression().features();
        assertThat(before[ITEM_CLICKS_1H]).as("21 later clicks on v1").isZero();
        assertThat(before[ITEM_IMPRESSIONS]).as("its own impression").isZero();
        assertThat(before[USER_CLICKS]).as("the user's own later click (the label)").isZero();
        assertThat(before[USER_IMPRESSIONS]).isZero();
        assertThat(before[USER_WATCHED]).isZero();
        float[] after = byKey.get("r2/v1").impression().features();
        assertThat(after[ITEM_CLICKS_1H]).as("decayed 1 h counter").isGreaterThan((float) Math.log1p(15));
        assertThat(after[ITEM_IMPRESSIONS]).isEqualTo((float) Math.log1p(1));
        assertThat(after[USER_CLICKS]).isEqualTo((float) Math.log1p(1));
        assertThat(after[USER_IMPRESSIONS]).isEqualTo((float) Math.log1p(2));
        assertThat(after[USER_WATCHED]).isEqualTo(1f);
        assertThat(byKey.get("r2/v1").engaged()).isFalse();
    }

    @Test
    void generatedHistory_rowsArePointInTimeAndLabelsMatchTheLog() {
        SmallHistory history = new SmallHistory(3L);
        List<TrainingExample> examples = new ArrayList<>();
        BootstrapDataset data = new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults().withSampleRate(0.3))
                .build(history.log, examples::add);

        // independent audit straight from the log: impressions of each video before each impression, clicks per key
        Map<String, Integer> priorImpressions = new HashMap<>();
        Map<String, Integer> seenOfVideo = new HashMap<>();
        Map<String, Long> impressionTime = new HashMap<>();
        Set<String> clickedInWindow = new HashSet<>();
        for (LogRecord r : history.log.read(0, Integer.MAX_VALUE)) {
            if (r.event() instanceof Impression i) {
                String key = i.requestId() + "/" + i.videoId();
                priorImpressions.put(key, seenOfVideo.getOrDefault(i.videoId(), 0));
                seenOfVideo.merge(i.videoId(), 1, Integer::sum);
                impressionTime.put(key, i.timestamp());
            } else if (r.event() instanceof Click c && c.requestId() != null) {
                Long t = impressionTime.get(c.requestId() + "/" + c.videoId());
                if (t != null && c.timestamp() - t <= 10 * MIN) {
                    clickedInWindow.add(c.requestId() + "/" + c.videoId());
                }
            }
        }
        assertThat(examples).hasSize(data.table().rows()).hasSizeGreaterThan(1000);
        assertThat(data.sampledImpressions()).isBetween((long) (data.impressions() * 0.25), (long) (data.impressions() * 0.35));
        for (TrainingExample e : examples) {
            String key = e.impression().requestId() + "/" + e.impression().videoId();
            assertThat(e.impression().features()[ITEM_IMPRESSIONS]).as(key)
                    .isEqualTo((float) Math.log1p(priorImpressions.get(key)));
            assertThat(e.click()).as(key).isEqualTo(clickedInWindow.contains(key));
        }
        double ctr = examples.stream().filter(TrainingExample::click).count() / (double) examples.size();
        assertThat(ctr).isCloseTo(history.stats.clickThroughRate(), within(0.03));
        for (int r = 1; r < data.table().rows(); r++) {
            assertThat(data.table().time(r)).isGreaterThanOrEqualTo(data.table().time(r - 1));
        }
    }
}
