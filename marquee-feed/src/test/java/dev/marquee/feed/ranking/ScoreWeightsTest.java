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

    @Test
    void score_multipliesByTheRatePriorAndTheDurationTerm() {
        ScoreWeights w = new ScoreWeights(1, 2, 4, 0, 1, 0.5);
        double heads = 0.1f + 2.0 * 0.05f + 4.0 * 0.01f;
        // rate^γ · (duration / 60 s)^δ: a 4-minute video with a 5 % long-view rate
        assertThat(w.score(0.1f, 0.05f, 0.01f, 10.0, 0.05, 240)).isCloseTo(heads * 0.05 * 2.0, within(1e-6));
        // no duration (missing metadata) counts as one second, not zero
        assertThat(w.score(0.1f, 0.05f, 0.01f, 0.0, 0.05, 0)).isCloseTo(heads * 0.05 * Math.sqrt(1 / 60.0), within(1e-6));
        // exponents 0 leave the heads' sum (times the volume prior) alone, whatever the rate and duration
        ScoreWeights plain = new ScoreWeights(1, 2, 4, 1);
        assertThat(plain.score(0.1f, 0.05f, 0.01f, 3.0, 0.0, 7_200)).isCloseTo(heads * 4, within(1e-6));
        // a rate of 0 sinks the video instead of zeroing or dropping it
        assertThat(w.withDuration(0).score(0.1f, 0.05f, 0.01f, 0.0, 0.0, 60)).isCloseTo(heads * 1e-6, within(1e-12));
    }

    @Test
    void score_theDurationTermTradesAFewLongViewsForMuchLongerVideos() {
        ScoreWeights w = ScoreWeights.defaults();
        double delta = w.duration();
        assertThat(delta).isPositive().isLessThan(0.5);
        // a short clip with a higher p(watch > 30 s) than a 20-minute video ...
        double clip = w.score(0.10f, 0.060f, 0.001f, 0.0, 0.05, 45);
        double episode = w.score(0.10f, 0.050f, 0.001f, 0.0, 0.05, 1_200);
        assertThat(episode).isGreaterThan(clip);
        // ... but not a much better one
        double strongClip = w.score(0.20f, 0.150f, 0.002f, 0.0, 0.05, 45);
        assertThat(strongClip).isGreaterThan(episode);
    }

    @Test
    void forQuery_overridesTheRateAndDurationExponents() {
        FeedQuery q = new FeedQuery("r", "u", 10, 0L, 1, false,
                Map.of(ScoreWeights.RATE_PARAM, 2.0, ScoreWeights.DURATION_PARAM, 0.0), new FeatureMap());
        ScoreWeights w = ScoreWeights.defaults().forQuery(q);
        assertThat(w.rate()).isEqualTo(2.0);
        assertThat(w.duration()).isZero();
        assertThat(w.popularity()).isEqualTo(ScoreWeights.defaults().popularity());
    }

    @Test
    void rejectsNegativeRateAndDurationExponentsAndImpossibleRates() {
        assertThatThrownBy(() -> new ScoreWeights(1, 2, 4, 0, -1, 0)).hasMessageContaining("w_rate");
        assertThatThrownBy(() -> new ScoreWeights(1, 2, 4, 0, 0, Double.NaN)).hasMessageContaining("w_dur");
        ScoreWeights w = new ScoreWeights(1, 2, 4, 0, 1, 0);
        assertThatThrownBy(() -> w.score(0.1f, 0.1f, 0.1f, 0.0, 1.5, 60)).hasMessageContaining("long-view rate");
        assertThatThrownBy(() -> w.score(0.1f, 0.1f, 0.1f, 0.0, Double.NaN, 60)).hasMessageContaining("long-view rate");
    }
}
