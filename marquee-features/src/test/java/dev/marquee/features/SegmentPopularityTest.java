package dev.marquee.features;

import static dev.marquee.features.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.events.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentPopularityTest {
    private final EventFixtures ev = new EventFixtures();
    private final InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());

    /** French iOS teens love "a"; French Android teens love "b"; US users love "c" (3× as many). */
    private void world() {
        List<Event> events = new ArrayList<>();
        events.add(ev.video("a", "c1", "music", T0));
        events.add(ev.video("b", "c1", "music", T0));
        events.add(ev.video("c", "c2", "sport", T0));
        for (int i = 0; i < 10; i++) {
            events.add(ev.user("fi" + i, "13-17", "FR", "ios", T0));
            events.add(ev.user("fa" + i, "13-17", "FR", "android", T0));
            events.add(ev.view("fi" + i, "a", T0, 60));
            events.add(ev.view("fa" + i, "b", T0, 60));
            events.add(ev.view("fa" + i, "a", T0 + 1, 60));
        }
        for (int i = 0; i < 30; i++) {
            events.add(ev.user("us" + i, "25-34", "US", "web", T0));
            events.add(ev.view("us" + i, "c", T0, 60));
        }
        store.apply(ev.records(events));
    }

    private List<String> names(TopN top) {
        List<String> out = new ArrayList<>();
        for (int v : top.videos()) {
            out.add(store.videos().external(v));
        }
        return out;
    }

    @Test
    void segmentTop_ranksWithinTheSegment() {
        world();
        assertThat(names(store.segmentTop(new SegmentKey("FR", "ios", "13-17"), 10, T0))).containsExactly("a");
        assertThat(names(store.segmentTop(new SegmentKey("FR", "android", "13-17"), 10, T0))).containsExactly("a", "b");
        assertThat(names(store.segmentTop(new SegmentKey("FR", null, "13-17"), 10, T0))).containsExactly("a", "b");
        assertThat(names(store.segmentTop(new SegmentKey("FR", null, null), 1, T0))).containsExactly("a");
        assertThat(names(store.segmentTop(SegmentKey.GLOBAL, 10, T0))).containsExactly("c", "a", "b");
        assertThat(store.segmentTop(SegmentKey.GLOBAL, 10, T0).scores()[0]).isEqualTo(30.0);
    }

    @Test
    void fallback_walksToCoarserSegmentsWhenThin() {
        world();
        SegmentTopN fr = store.segmentTopWithFallback(new SegmentKey("FR", "ios", "13-17"), 10, 2, T0);
        assertThat(fr.segment()).isEqualTo(new SegmentKey("FR", null, "13-17"));
        assertThat(names(fr.top())).containsExactly("a", "b");
        SegmentTopN unseen = store.segmentTopWithFallback(new SegmentKey("DE", "ios", "13-17"), 10, 1, T0);
        assertThat(unseen.segment()).isEqualTo(SegmentKey.GLOBAL);
        assertThat(names(unseen.top())).containsExactly("c", "a", "b");
    }

    @Test
    void categoryTop_andTrendingPerCategory() {
        world();
        int music = store.categories().find("music");
        assertThat(names(store.categoryTop(music, 10, T0))).containsExactly("a", "b");
        assertThat(names(store.trendingInCategory(store.categories().find("sport"), 10, T0))).containsExactly("c");
    }

    @Test
    void segmentKey_rejectsShapesWithoutAFallbackChain() {
        assertThatThrownBy(() -> new SegmentKey(null, "ios", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentKey("FR", "ios", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SegmentKey("FR", "ios", "13-17").coarser().coarser().coarser()).isEqualTo(SegmentKey.GLOBAL);
        assertThat(SegmentKey.finest("FR", "ios", null)).isEqualTo(new SegmentKey("FR", null, null));
    }
}
