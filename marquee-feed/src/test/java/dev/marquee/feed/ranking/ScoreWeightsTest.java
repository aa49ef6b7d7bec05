package dev.marquee.feed.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.core.FeatureMap;
import dev.marquee.core.FeedQuery;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreWeightsTest {

    @Test
    void score_multipliesTheHeadsByThePopularityPrior() {
        ScoreWeights w = new ScoreWeights(1, 2, 4, 2);
        assertThat(w.score(0.1f, 0.05f, 0.01f)).isCloseTo(0.1 + 0.1 + 0.04, within(1e-6));
        assertThat(w.score(0.1f, 0.05f, 0.01f, 3.0)).isCloseTo((0.1 + 0.1 + 0.04) * 16, within(1e-6));
        assertThat(w.score(0.1f, 0.05f, 0.01f, 0.0)).isCloseTo(0.1 + 0.1 + 0.04, within(1e-6));
    }

    @Test
    void score_letsARecentlyWatchedVideoOutrankAnUnwatchedOneWithSlightlyHigherHeads() {
        // the exposure-bias case: p(watch | shown) a little higher for a video nobody watched in 24 h
        ScoreWeights w = ScoreWeights.defaults();
        double unwatched = w.score(0.10f, 0.040f, 0.001f, 0.0);
        double watched = w.score(0.09f, 0.035f, 0.001f, 20.0);
        assertThat(watched).isGreaterThan(unwatched);
        ScoreWeights headsOnly = new ScoreWeights(1, 2, 4);
        assertThat(headsOnly.score(0.09f, 0.035f, 0.001f, 20.0)).isLessThan(headsOnly.score(0.10f, 0.040f, 0.001f, 0.0));
    }

    @Test
    void forQuery_overridesThePriorWithWPop() {
        FeedQuery q = new FeedQuery("r", "u", 10, 0L, 1, false, Map.of(ScoreWeights.POPULARITY_PARAM, 0.0), new FeatureMap());
        ScoreWeights w = ScoreWeights.defaults().forQuery(q);
        assertThat(w.popularity()).isZero();
        assertThat(w.watch()).isEqualTo(2.0);
    }

    @Test
    void rejectsNegativePriorAndNegativeLongViews() {
        assertThatThrownBy(() -> new ScoreWeights(1, 2, 4, -1)).hasMessageContaining("w_pop");
        assertThatThrownBy(() -> ScoreWeights.defaults().score(0.1f, 0.1f, 0.1f, -1.0))
                .hasMessageContaining("recent long views");
        assertThatThrownBy(() -> ScoreWeights.defaults().score(0.1f, 0.1f, 0.1f, Double.NaN))
                .hasMessageContaining("recent long views");
    }
}
