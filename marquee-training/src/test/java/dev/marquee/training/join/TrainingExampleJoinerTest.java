package dev.marquee.training.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.events.Click;
import dev.marquee.events.ServedImpression;
import dev.marquee.events.Share;
import dev.marquee.events.View;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingExampleJoinerTest {
    static final long T = 1_700_000_000_000L, MIN = 60_000L, HOUR = 60 * MIN;

    final List<TrainingExample> out = new ArrayList<>();
    final TrainingExampleJoiner joiner = new TrainingExampleJoiner(AttributionWindows.defaults(), out::add);
    int ids;

    ServedImpression impression(String request, String video, long t, float feature) {
        return new ServedImpression(request, "u1", video, 0, t, "m1", null, new float[] {feature}, new float[] {0.1f, 0.1f, 0.01f}, 1.0);
    }

    String id() {
        return "e" + ids++;
    }

    @Test
    void labels_countOnlyInsideTheirOwnWindow() {
        joiner.impression(impression("r1", "v1", T, 1f));
        joiner.impression(impression("r2", "v2", T, 2f));
        joiner.event(new Click(id(), T + 9 * MIN, "u1", "v1", "r1"));
        joiner.event(new View(id(), T + 29 * MIN, "u1", "v1", "r1", 31));
        joiner.event(new Share(id(), T + 23 * HOUR, "u1", "v1", "r1"));
        joiner.event(new Click(id(), T + 11 * MIN, "u1", "v2", "r2"));
        joiner.event(new View(id(), T + 12 * MIN, "u1", "v2", "r2", 30.0));
        joiner.event(new Share(id(), T + 25 * HOUR, "u1", "v2", "r2"));
        joiner.advanceTo(T + 26 * HOUR);
        assertThat(out).extracting(e -> e.impression().videoId(), TrainingExample::click, TrainingExample::watch30,
                TrainingExample::share).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("v1", true, true, true),
                org.assertj.core.groups.Tuple.tuple("v2", false, false, false));
    }

    @Test
    void example_isFinalOnlyOnceTheLongestWindowClosed_soLateLabelsCount() {
        joiner.impression(impression("r1", "v1", T, 1f));
        joiner.advanceTo(T + 20 * HOUR);
        assertThat(out).isEmpty();
        assertThat(joiner.pending()).isEqualTo(1);
        joiner.event(new Share(id(), T + 20 * HOUR, "u1", "v1", "r1"));
        joiner.advanceTo(T + 24 * HOUR);
        assertThat(out).as("a label exactly at the window's end may still arrive").isEmpty();
        joiner.advanceTo(T + 24 * HOUR + 1);
        assertThat(out).singleElement().satisfies(e -> {
            assertThat(e.share()).isTrue();
            assertThat(e.click()).isFalse();
        });
        assertThat(joiner.pending()).isZero();
    }

    @Test
    void engagement_labelsOnlyItsOwnUserVideoAndRequest() {
        joiner.impression(impression("r1", "v1", T, 1f));
        joiner.event(new Click(id(), T + MIN, "u1", "v1", "r0"));
        joiner.event(new Click(id(), T + MIN, "u2", "v1", "r1"));
        joiner.event(new Click(id(), T + MIN, "u1", "v9", "r1"));
        joiner.event(new Click(id(), T + MIN, "u1", "v1", null));
        joiner.finish();
        assertThat(out).singleElement().satisfies(e -> assertThat(e.engaged()).isFalse());
    }

    @Test
    void engagement_loggedBeforeItsImpressionRecord_stillJoins() {
        joiner.event(new Click(id(), T + MIN, "u1", "v1", "r1"));
        joiner.impression(impression("r1", "v1", T + MIN, 1f));
        joiner.advanceTo(T + 30 * HOUR);
        assertThat(out).singleElement().satisfies(e -> assertThat(e.click()).isTrue());
    }

    @Test
    void example_carriesTheLoggedFeatureRowUntouched() {
        ServedImpression s = impression("r1", "v1", T, 0.25f);
        joiner.impression(s);
        joiner.finish();
        assertThat(out.get(0).impression()).isSameAs(s);
        assertThat(out.get(0).impression().features()).containsExactly(0.25f);
    }

    @Test
    void impression_behindTheWatermark_isRejected() {
        joiner.advanceTo(T + HOUR);
        assertThatThrownBy(() -> joiner.impression(impression("r1", "v1", T, 1f)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the watermark");
    }

    @Test
    void labels_areForgottenOnceNoImpressionCanMatchThem() {
        for (int i = 0; i < 1000; i++) {
            joiner.event(new Click(id(), T + i, "u1", "v" + i, "r" + i));
        }
        joiner.advanceTo(T + 2000);
        assertThat(joiner.toString()).contains("labels=0");
    }
}
