package dev.marquee.features;

import static dev.marquee.features.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.events.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BetaSmoothingTest {
    private final EventFixtures ev = new EventFixtures();
    private final InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());

    @Test
    void rates_shrinkTowardTheCategoryPrior_byImpressionCount() {
        List<Event> events = new ArrayList<>();
        events.add(ev.video("big", "c", "news", T0));
        events.add(ev.video("fresh", "c", "news", T0));
        events.add(ev.video("small", "c", "news", T0));
        for (int i = 0; i < 998; i++) { // "big": 998 impressions, 98 clicks, 48 long views
            events.add(ev.impression("u" + i, "big", T0));
            if (i < 98) {
                events.add(ev.click("u" + i, "big", T0));
            }
            if (i < 48) {
                events.add(ev.view("u" + i, "big", T0, 45));
            }
        }
        events.add(ev.impression("u1", "small", T0));
        events.add(ev.impression("u2", "small", T0));
        events.add(ev.click("u1", "small", T0));
        events.add(ev.click("u2", "small", T0));
        store.apply(ev.records(events));

        // category news: 1000 impressions, 100 clicks, 48 long views → Laplace means
        double muClick = 101.0 / 1002.0;
        double muLong = 49.0 / 1002.0;
        double kappa = 50.0;
        VideoFeatureBatch b = new VideoFeatureBatch(3);
        int[] ids = {store.videos().find("big"), store.videos().find("fresh"), store.videos().find("small")};
        store.videoFeatures(ids, 3, T0, b);

        assertThat(b.ctr(1)).as("no impressions: prior mean").isCloseTo(muClick, within(1e-12));
        assertThat(b.ctr(0)).isCloseTo((98 + kappa * muClick) / (998 + kappa), within(1e-12));
        assertThat(b.ctr(2)).as("2/2 clicks barely moves it").isCloseTo((2 + kappa * muClick) / (2 + kappa), within(1e-12));
        assertThat(b.ctr(2)).isLessThan(0.2);
        assertThat(b.longViewRate(0)).isCloseTo((48 + kappa * muLong) / (998 + kappa), within(1e-12));
        assertThat(b.longViewAlpha(1)).isCloseTo(kappa * muLong, within(1e-12));
        assertThat(b.longViewBeta(1)).isCloseTo(kappa * (1 - muLong), within(1e-12));
        assertThat(b.longViewAlpha(0) + b.longViewBeta(0)).isCloseTo(kappa + 998, within(1e-9));
        assertThat(b.shareRate(0)).isCloseTo((0 + kappa / 1002.0) / (998 + kappa), within(1e-12));
        assertThat(b.creatorLongViewRate(0)).isCloseTo((48 + kappa * muLong) / (1000 + kappa), within(1e-12));
        assertThat(b.creatorUploadsPerDay(0)).isCloseTo(3 * Math.log(2) / 30, within(1e-9));
    }

    @Test
    void trending_isLongViewsPerHourWithOneHourHalfLife() {
        List<Event> events = new ArrayList<>();
        events.add(ev.video("v", "c", "news", T0));
        for (int i = 0; i < 10; i++) {
            events.add(ev.view("u" + i, "v", T0, 45));
        }
        store.apply(ev.records(events));
        VideoFeatureBatch b = new VideoFeatureBatch(1);
        store.videoFeatures(new int[] {store.videos().find("v")}, 1, T0 + 3_600_000L, b);
        assertThat(b.longViews1h(0)).isCloseTo(5.0, within(1e-9));
        assertThat(b.trending(0)).isCloseTo(5.0 * Math.log(2), within(1e-9));
        TopN top = store.trending(5, T0 + 3_600_000L);
        assertThat(top.videos()).containsExactly(store.videos().find("v"));
        assertThat(top.scores()[0]).isCloseTo(b.trending(0), within(1e-9));
    }
}
