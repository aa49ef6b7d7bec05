package dev.marquee.features;

import static dev.marquee.features.EventFixtures.DAY;
import static dev.marquee.features.EventFixtures.HOUR;
import static dev.marquee.features.EventFixtures.MINUTE;
import static dev.marquee.features.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.events.Event;
import dev.marquee.events.LogRecord;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link FeatureStore} backend must show, fed through its {@link FeatureWriter}.
 * Backends extend this class (in-memory here; Redis reuses it from the test-jar).
 */
public abstract class FeatureStoreContractTest {
    protected EventFixtures ev;
    protected FeatureStore store;
    protected FeatureWriter writer;

    /** A fresh, empty store of the backend under test. */
    protected abstract FeatureStore createStore(FeatureStoreConfig config);

    /** The write side of {@code store}. */
    protected abstract FeatureWriter writerOf(FeatureStore store);

    @BeforeEach
    protected void setUpStore() {
        ev = new EventFixtures();
        store = createStore(FeatureStoreConfig.defaults());
        writer = writerOf(store);
        feed(ev.video("v1", "c1", "music", T0 - DAY), ev.video("v2", "c2", "music", T0 - HOUR),
                ev.video("v3", "c1", "sport", T0), ev.user("u1", "18-24", "FR", "ios", T0 - DAY));
    }

    protected int feed(Event... events) {
        return writer.apply(ev.records(events));
    }

    @Test
    void longView_raisesAffinity_marksWatched_andEntersHistory() {
        UserFeatures before = store.user("u1", T0);
        feed(ev.view("u1", "v1", T0, 95));
        UserFeatures after = store.user("u1", T0);
        int v1 = store.videos().find("v1");
        int c1 = store.creators().find("c1");
        assertThat(after.creatorAffinity(c1)).isGreaterThan(before.creatorAffinity(c1));
        assertThat(after.creatorAffinity(c1)).isCloseTo(2.0, within(1e-9));
        assertThat(after.categoryAffinity(store.categories().find("music"))).isCloseTo(2.0, within(1e-9));
        assertThat(after.hasWatched(v1)).isTrue();
        assertThat(after.recent().contains(v1, InteractionType.LONG_VIEW)).isTrue();
        assertThat(after.recentLongViews()).containsExactly(v1);
        assertThat(after.counts()).isEqualTo(new InteractionCounts(0, 0, 1, 1, 0));
        assertThat(after.offset()).isEqualTo(writer.appliedOffset());
    }

    @Test
    void shortView_isHistoryButNotWatched() {
        feed(ev.view("u1", "v2", T0, 12));
        UserFeatures u = store.user("u1", T0);
        int v2 = store.videos().find("v2");
        assertThat(u.hasWatched(v2)).isFalse();
        assertThat(u.recent().contains(v2, InteractionType.SHORT_VIEW)).isTrue();
    }

    @Test
    void affinity_decaysWithConfiguredHalfLife() {
        feed(ev.click("u1", "v1", T0));
        int c1 = store.creators().find("c1");
        assertThat(store.user("u1", T0).creatorAffinity(c1)).isCloseTo(1.0, within(1e-12));
        assertThat(store.user("u1", T0 + 7 * DAY).creatorAffinity(c1)).isCloseTo(0.5, within(1e-12));
        assertThat(store.user("u1", T0 + 14 * DAY).creatorAffinity(c1)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void profileAndHistory_areReturnedNewestFirst() {
        feed(ev.click("u1", "v1", T0), ev.view("u1", "v1", T0 + 1000, 40), ev.share("u1", "v2", T0 + 2000));
        UserFeatures u = store.user("u1", T0 + 3000);
        assertThat(u.ageBand()).isEqualTo("18-24");
        assertThat(u.country()).isEqualTo("FR");
        assertThat(u.device()).isEqualTo("ios");
        assertThat(u.segment()).isEqualTo(new SegmentKey("FR", "ios", "18-24"));
        assertThat(u.recent().types()).containsExactly(InteractionType.SHARE, InteractionType.LONG_VIEW, InteractionType.CLICK);
        assertThat(u.recent().watchSeconds()[1]).isEqualTo(40f);
        assertThat(u.lastActivityMillis()).isEqualTo(T0 + 2000);
    }

    @Test
    void impressionFatigue_countsOnlyTheLast24Hours() {
        feed(ev.impression("u1", "v1", T0 - 25 * HOUR), ev.impression("u1", "v1", T0 - HOUR),
                ev.impression("u1", "v1", T0 - MINUTE), ev.impression("u1", "v2", T0));
        UserFeatures u = store.user("u1", T0);
        assertThat(u.impressionsLast24h(store.videos().find("v1"))).isEqualTo(2);
        assertThat(u.impressionsLast24h(store.videos().find("v2"))).isEqualTo(1);
        assertThat(u.impressionsLast24h(store.videos().find("v3"))).isZero();
    }

    @Test
    void unknownUser_readsAsNewUser() {
        UserFeatures u = store.user("nobody", T0);
        assertThat(u.known()).isFalse();
        assertThat(u.recent().size()).isZero();
        assertThat(u.segment()).isEqualTo(SegmentKey.GLOBAL);
    }

    @Test
    void redeliveredOffsets_areNotAppliedTwice() {
        List<LogRecord> batch = ev.records(ev.click("u1", "v1", T0));
        assertThat(writer.apply(batch)).isEqualTo(1);
        assertThat(writer.apply(batch)).isZero();
        assertThat(store.user("u1", T0).counts().clicks()).isEqualTo(1);
    }

    @Test
    void duplicateEventId_atNewOffset_isNotAppliedTwice() {
        Event click = ev.click("u1", "v1", T0);
        feed(click);
        assertThat(feed(click)).isZero();
        assertThat(store.user("u1", T0).counts().clicks()).isEqualTo(1);
        VideoFeatureBatch b = new VideoFeatureBatch(1);
        store.videoFeatures(new int[] {store.videos().find("v1")}, 1, T0, b);
        assertThat(b.clicksTotal(0)).isEqualTo(1);
    }

    @Test
    void deletedUser_isForgotten_andEarlierEventsStaySkipped() {
        feed(ev.view("u1", "v1", T0, 60), ev.deleted("u1", T0 + 10));
        assertThat(store.user("u1", T0 + 20).known()).isFalse();
        feed(ev.view("u1", "v2", T0 + 5, 60));
        assertThat(store.user("u1", T0 + 20).known()).isFalse();
        feed(ev.click("u1", "v3", T0 + 30));
        UserFeatures reborn = store.user("u1", T0 + 40);
        assertThat(reborn.counts()).isEqualTo(new InteractionCounts(0, 1, 0, 0, 0));
        assertThat(reborn.hasWatched(store.videos().find("v1"))).isFalse();
        assertThat(reborn.country()).isNull();
    }

    @Test
    void videoFeatures_carryMetadataCountersAndOffset() {
        feed(ev.impression("u1", "v3", T0), ev.click("u1", "v3", T0), ev.view("u1", "v3", T0, 31));
        int v3 = store.videos().find("v3");
        int v1 = store.videos().find("v1");
        VideoFeatureBatch b = new VideoFeatureBatch(FeatureStore.MAX_VIDEO_BATCH);
        store.videoFeatures(new int[] {v3, v1}, 2, T0 + HOUR, b);
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.offset()).isEqualTo(writer.appliedOffset());
        assertThat(b.creator(0)).isEqualTo(store.creators().find("c1"));
        assertThat(b.category(0)).isEqualTo(store.categories().find("sport"));
        assertThat(b.durationSeconds(0)).isEqualTo(120);
        assertThat(b.uploadAgeHours(0)).isCloseTo(1.0, within(1e-9));
        assertThat(b.impressions1h(0)).isCloseTo(0.5, within(1e-12));
        assertThat(b.impressions24h(0)).isCloseTo(Math.pow(2, -1.0 / 24), within(1e-12));
        assertThat(b.longViewsTotal(0)).isEqualTo(1);
        assertThat(b.viewsTotal(0)).isEqualTo(1);
        assertThat(b.impressionsTotal(1)).isZero();
        assertThat(b.video(1)).isEqualTo(v1);
        assertThat(store.video(v3)).get().extracting(v -> v.title()).isEqualTo("title v3");
    }

    @Test
    void coWatch_pairsLongViewsWithinTheSessionWindow() {
        feed(ev.view("u1", "v1", T0, 60), ev.view("u1", "v2", T0 + 10 * MINUTE, 60),
                ev.view("u1", "v3", T0 + 50 * MINUTE, 60));
        int v1 = store.videos().find("v1");
        int v2 = store.videos().find("v2");
        int v3 = store.videos().find("v3");
        NeighbourBatch nb = new NeighbourBatch(3, 10);
        store.coWatch(new int[] {v1, v2, v3}, 3, 10, T0 + HOUR, nb);
        assertThat(nb.count(0)).isEqualTo(1);
        assertThat(nb.neighbour(0, 0)).isEqualTo(v2);
        assertThat(nb.count(1)).isEqualTo(1);
        assertThat(nb.count(2)).isZero();
        assertThat(nb.offset()).isEqualTo(writer.appliedOffset());
    }

    @Test
    void reads_rejectIdsNeverInterned() {
        VideoFeatureBatch b = new VideoFeatureBatch(2);
        assertThatThrownBy(() -> store.videoFeatures(new int[] {9999}, 1, T0, b))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9999");
        assertThatThrownBy(() -> store.videoFeatures(new int[] {0, 1, 2}, 3, T0, b))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
        assertThatThrownBy(() -> store.user(-1, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.categoryTop(77, 10, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VideoFeatureBatch(2001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedEvent_isRejectedWithItsOffset() {
        List<LogRecord> batch = ev.records(ev.click("u1", "v1", T0), ev.view("u1", "v1", T0, Double.NaN));
        assertThatThrownBy(() -> writer.apply(batch))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset " + batch.get(1).offset());
        assertThat(writer.appliedOffset()).isEqualTo(batch.get(0).offset());
    }

    @Test
    void recentUploads_newestFirstPerCategory() {
        TopN music = store.recentUploads(store.categories().find("music"), 10);
        assertThat(music.videos()).containsExactly(store.videos().find("v2"), store.videos().find("v1"));
        assertThat(music.scores()[0]).isEqualTo((double) (T0 - HOUR));
        feed(ev.video("v1", "c1", "sport", T0 - DAY));
        assertThat(store.recentUploads(store.categories().find("music"), 10).videos()).containsExactly(store.videos().find("v2"));
    }
}
