package dev.marquee.feed.hydration;

import static dev.marquee.feed.retrieval.RetrievalWorld.HOUR;
import static dev.marquee.feed.retrieval.RetrievalWorld.MINUTE;
import static dev.marquee.feed.retrieval.RetrievalWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.feed.retrieval.RetrievalWorld;
import dev.marquee.feed.retrieval.TinyTwoTower;
import dev.marquee.features.InteractionType;
import dev.marquee.features.UserFeatures;
import dev.marquee.models.IdBuckets;
import dev.marquee.models.twotower.UserFeatureBatch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTowerInputsTest {
    static final long NOW = T0 + 2 * HOUR;
    RetrievalWorld world;
    UserTowerInputs inputs;
    IdBuckets buckets = TinyTwoTower.SHAPE.videoIds();

    @BeforeEach
    void world() {
        world = new RetrievalWorld();
        for (int v = 0; v < 15; v++) {
            world.video("v" + v, "c", "music", T0 - HOUR);
        }
        world.user("me", "18-24", "US", "mobile")
                .click("me", "v1", T0)
                .longView("me", "v2", T0 + HOUR)
                .share("me", "v3", NOW - MINUTE).sync();
        inputs = new UserTowerInputs(TinyTwoTower.SHAPE, buckets, world.store.videos(), HistoryWeighting.defaults());
    }

    @AfterEach
    void close() {
        world.close();
    }

    private UserFeatures user(String id, long now) {
        return world.store.user(id, now);
    }

    @Test
    void batch_historyIsNewestFirst_hashedByExternalId_weightedByTypeAndRecency() {
        UserFeatureBatch b = inputs.of(user("me", NOW));
        int h = TinyTwoTower.HISTORY;

        assertThat(b.historyLength()).isEqualTo(h);
        assertThat(b.historyVideos()[0]).isEqualTo(buckets.bucket("v3"));
        assertThat(b.historyVideos()[1]).isEqualTo(buckets.bucket("v2"));
        assertThat(b.historyVideos()[2]).isEqualTo(buckets.bucket("v1"));
        float share = b.historyWeights()[0], longView = b.historyWeights()[1], click = b.historyWeights()[2];
        assertThat(share).isCloseTo(3f * (float) Math.pow(0.5, MINUTE / (double) (24 * HOUR)), within(1e-4f));
        assertThat(longView).isCloseTo(2f * (float) Math.pow(0.5, 1 / 24.0), within(1e-4f));
        assertThat(click).isCloseTo((float) Math.pow(0.5, 2 / 24.0), within(1e-4f));
        for (int i = 3; i < h; i++) {
            assertThat(b.historyWeights()[i]).as("empty slot " + i).isZero();
        }
    }

    @Test
    void batch_longHistory_keepsOnlyTheNewestSlots() {
        for (int v = 0; v < 15; v++) {
            world.click("heavy", "v" + v, T0 + v * MINUTE);
        }
        world.sync();

        UserFeatureBatch b = inputs.of(user("heavy", T0 + HOUR));

        assertThat(b.historyVideos()[0]).isEqualTo(buckets.bucket("v14"));
        assertThat(b.historyVideos()[TinyTwoTower.HISTORY - 1]).isEqualTo(buckets.bucket("v5"));
        for (float w : b.historyWeights()) {
            assertThat(w).isPositive();
        }
    }

    @Test
    void batch_profileAndTime_unknownProfileUsesRowZero() {
        long monday9am = 1_700_470_800_000L; // 2023-11-20T09:00:00Z, a Monday
        UserFeatureBatch b = inputs.batch(List.of(user("me", monday9am), user("stranger", monday9am)));

        assertThat(b.size()).isEqualTo(2);
        assertThat(b.ageBand()[0]).isBetween(1, TinyTwoTower.SHAPE.ageBands() - 1);
        assertThat(b.country()[0]).isBetween(1, TinyTwoTower.SHAPE.countries() - 1);
        assertThat(b.device()[0]).isBetween(1, TinyTwoTower.SHAPE.devices() - 1);
        assertThat(new int[] {b.ageBand()[1], b.country()[1], b.device()[1]}).containsOnly(0);
        assertThat(b.hourOfDay()).containsOnly(9);
        assertThat(b.dayOfWeek()).containsOnly(0);
    }

    @Test
    void historyWeighting_impressionsCountNothing_andFutureTimesCountAsNow() {
        HistoryWeighting w = HistoryWeighting.defaults();
        assertThat(w.weight(InteractionType.IMPRESSION, 0)).isZero();
        assertThat(w.weight(InteractionType.LONG_VIEW, -5_000)).isEqualTo(2f);
        assertThat(w.weight(InteractionType.SHORT_VIEW, 24 * HOUR)).isCloseTo(0.25f, within(1e-6f));
    }
}
