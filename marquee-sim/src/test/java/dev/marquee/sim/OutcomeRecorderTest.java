package dev.marquee.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.events.AppendResult;
import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.EventSink;
import dev.marquee.events.Impression;
import dev.marquee.events.Share;
import dev.marquee.events.View;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeRecorderTest {
    private static final World WORLD = World.generate(SmallWorlds.config(3));
    private static final long DAY = WorldConfig.DAY_MILLIS;

    private final List<Event> forwarded = new ArrayList<>();
    private final EventSink sink = batch -> {
        forwarded.addAll(batch);
        return new AppendResult(new long[batch.size()], batch.size(), 0);
    };

    @Test
    void rates_onHandBuiltSessions_matchHandCounts() {
        long start = WORLD.config().startMillis() + DAY;
        OutcomeRecorder r = new OutcomeRecorder(WORLD, new BehaviourModel(WORLD), sink, start, 2);
        long t = start + 1000;
        r.sessionStarted(t);
        r.sessionStarted(t + DAY);
        // day 0: 4 impressions of 2 videos, 2 clicks, one 90 s view, one 10 s view, one share
        r.append(List.of(imp(t, 0, 0), imp(t, 1, 1), imp(t, 0, 2), imp(t, 1, 3),
                new Click("c1", t + 1, "u0", "v0", "r"), new Click("c2", t + 2, "u0", "v1", "r"),
                new View("w1", t + 3, "u0", "v0", "r", 90.0), new View("w2", t + 4, "u0", "v1", "r", 10.0),
                new Share("s1", t + 5, "u0", "v0", "r")));
        // day 1: 1 impression, nothing else
        r.append(List.of(imp(t + DAY, 2, 0)));

        OutcomeMetrics day0 = r.day(0);
        assertThat(day0.impressions()).isEqualTo(4);
        assertThat(day0.ctr()).isEqualTo(0.5);
        assertThat(day0.longViewRate()).isEqualTo(0.25);
        assertThat(day0.shareRate()).isEqualTo(0.25);
        assertThat(day0.watchMinutesPerSession()).isCloseTo(100.0 / 60.0, within(1e-9));
        assertThat(day0.coverage()).isCloseTo(2.0 / WORLD.videosUploadedBy(start + DAY - 1), within(1e-12));

        OutcomeMetrics total = r.total();
        assertThat(total.impressions()).isEqualTo(5);
        assertThat(total.sessions()).isEqualTo(2);
        assertThat(total.coverage()).isCloseTo(3.0 / WORLD.videosUploadedBy(start + 2 * DAY - 1), within(1e-12));
        assertThat(total.watchMinutesPerSession()).isCloseTo(100.0 / 60.0 / 2, within(1e-9));
        assertThat(total.creatorGini()).isBetween(0.0, 1.0);
        assertThat(forwarded).hasSize(10);
    }

    @Test
    void newVideoExposure_countsImpressionsOfVideosUnder48Hours() {
        long start = WORLD.config().startMillis() + DAY;
        OutcomeRecorder r = new OutcomeRecorder(WORLD, new BehaviourModel(WORLD), sink, start, 1);
        int fresh = WORLD.videosUploadedBy(start + 1000) - 1;
        long t = start + 1000;
        assertThat(t - WORLD.uploadedAt(fresh)).isLessThan(OutcomeRecorder.NEW_VIDEO_MILLIS);
        assertThat(t - WORLD.uploadedAt(0)).isGreaterThan(OutcomeRecorder.NEW_VIDEO_MILLIS);
        r.append(List.of(imp(t, fresh, 0), imp(t, 0, 1), imp(t, 0, 2), imp(t, 0, 3)));
        assertThat(r.total().newVideoExposure()).isEqualTo(0.25);
    }

    private static Impression imp(long t, int video, int position) {
        return new Impression("i" + t + "-" + video + "-" + position, t, "u0", "v" + video, "r", position);
    }
}
