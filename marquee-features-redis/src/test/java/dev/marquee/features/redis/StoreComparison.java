package dev.marquee.features.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.core.IdDictionary;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.SegmentKey;
import dev.marquee.features.TopN;
import dev.marquee.features.UserFeatures;
import dev.marquee.features.VideoFeatureBatch;
import java.util.Arrays;

/** Compares two stores by external ids (their dense ids may differ), value for value. */
final class StoreComparison {
    private static final double TOLERANCE = 1e-9;

    private StoreComparison() {
    }

    static void sameUser(FeatureStore expected, FeatureStore actual, String user, long now) {
        UserFeatures e = expected.user(user, now);
        UserFeatures a = actual.user(user, now);
        assertThat(a.known()).as("known " + user).isEqualTo(e.known());
        assertThat(a.counts()).as("counts of " + user).isEqualTo(e.counts());
        assertThat(a.country()).isEqualTo(e.country());
        assertThat(a.device()).isEqualTo(e.device());
        assertThat(a.ageBand()).isEqualTo(e.ageBand());
        assertThat(a.language()).isEqualTo(e.language());
        assertThat(a.lastActivityMillis()).isEqualTo(e.lastActivityMillis());
        assertThat(external(actual.videos(), a.recent().videos())).as("history of " + user)
                .containsExactly(external(expected.videos(), e.recent().videos()));
        assertThat(a.recent().types()).containsExactly(e.recent().types());
        assertThat(external(actual.videos(), a.recentLongViews()))
                .containsExactly(external(expected.videos(), e.recentLongViews()));
        for (int i = 0; i < e.creators().size(); i++) {
            int c = actual.creators().find(expected.creators().external(e.creators().ids()[i]));
            assertThat(a.creatorAffinity(c)).isCloseTo(e.creators().scores()[i], within(TOLERANCE));
        }
        for (int v : e.recentLongViews()) {
            assertThat(a.hasWatched(actual.videos().find(expected.videos().external(v)))).isTrue();
        }
        for (int v : e.recent().videos()) {
            int mine = actual.videos().find(expected.videos().external(v));
            assertThat(a.impressionsLast24h(mine)).isEqualTo(e.impressionsLast24h(v));
        }
    }

    /** Compares every column of the given videos (external ids). */
    static void sameVideos(FeatureStore expected, FeatureStore actual, String[] videos, long now) {
        int n = videos.length;
        int[] ei = new int[n];
        int[] ai = new int[n];
        for (int i = 0; i < n; i++) {
            ei[i] = expected.videos().find(videos[i]);
            ai[i] = actual.videos().find(videos[i]);
        }
        VideoFeatureBatch e = new VideoFeatureBatch(n);
        VideoFeatureBatch a = new VideoFeatureBatch(n);
        expected.videoFeatures(ei, n, now, e);
        actual.videoFeatures(ai, n, now, a);
        for (int i = 0; i < n; i++) {
            String what = "video " + videos[i];
            assertThat(a.hasMetadata(i)).as(what).isEqualTo(e.hasMetadata(i));
            assertThat(a.durationSeconds(i)).as(what).isEqualTo(e.durationSeconds(i));
            assertThat(a.uploadedAt(i)).as(what).isEqualTo(e.uploadedAt(i));
            if (e.hasMetadata(i)) {
                assertThat(actual.creators().external(a.creator(i))).isEqualTo(expected.creators().external(e.creator(i)));
                assertThat(actual.categories().external(a.category(i))).isEqualTo(expected.categories().external(e.category(i)));
            }
            assertThat(new long[] {a.impressionsTotal(i), a.clicksTotal(i), a.viewsTotal(i), a.longViewsTotal(i), a.sharesTotal(i)})
                    .as(what).containsExactly(e.impressionsTotal(i), e.clicksTotal(i), e.viewsTotal(i), e.longViewsTotal(i), e.sharesTotal(i));
            double[] ev = {e.impressions1h(i), e.impressions24h(i), e.clicks1h(i), e.clicks24h(i), e.longViews1h(i),
                    e.longViews24h(i), e.shares1h(i), e.shares24h(i), e.ctr(i), e.longViewRate(i), e.shareRate(i),
                    e.longViewAlpha(i), e.longViewBeta(i), e.trending(i), e.creatorUploadsPerDay(i), e.creatorLongViewRate(i)};
            double[] av = {a.impressions1h(i), a.impressions24h(i), a.clicks1h(i), a.clicks24h(i), a.longViews1h(i),
                    a.longViews24h(i), a.shares1h(i), a.shares24h(i), a.ctr(i), a.longViewRate(i), a.shareRate(i),
                    a.longViewAlpha(i), a.longViewBeta(i), a.trending(i), a.creatorUploadsPerDay(i), a.creatorLongViewRate(i)};
            for (int k = 0; k < ev.length; k++) {
                assertThat(av[k]).as(what + " column " + k).isCloseTo(ev[k], within(TOLERANCE * Math.max(1, Math.abs(ev[k]))));
            }
        }
    }

    static void sameTop(FeatureStore expected, TopN e, FeatureStore actual, TopN a) {
        assertThat(e.size()).as("the expected list must not be empty for the comparison to mean anything").isPositive();
        assertThat(external(actual.videos(), a.videos())).containsExactly(external(expected.videos(), e.videos()));
        for (int i = 0; i < e.size(); i++) {
            assertThat(a.scores()[i]).isCloseTo(e.scores()[i], within(TOLERANCE * Math.max(1, Math.abs(e.scores()[i]))));
        }
    }

    static void sameLists(FeatureStore expected, FeatureStore actual, String category, SegmentKey segment, int n, long now) {
        sameTop(expected, expected.trending(n, now), actual, actual.trending(n, now));
        int ec = expected.categories().find(category);
        int ac = actual.categories().find(category);
        sameTop(expected, expected.categoryTop(ec, n, now), actual, actual.categoryTop(ac, n, now));
        sameTop(expected, expected.trendingInCategory(ec, n, now), actual, actual.trendingInCategory(ac, n, now));
        sameTop(expected, expected.recentUploads(ec, n), actual, actual.recentUploads(ac, n));
        sameTop(expected, expected.segmentTop(segment, n, now), actual, actual.segmentTop(segment, n, now));
    }

    static String[] external(IdDictionary dict, int[] dense) {
        return Arrays.stream(dense).mapToObj(dict::external).toArray(String[]::new);
    }
}
