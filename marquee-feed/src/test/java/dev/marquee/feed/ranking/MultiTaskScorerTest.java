package dev.marquee.feed.ranking;

import static dev.marquee.feed.ranking.RankingTestWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeatureMap;
import dev.marquee.core.FeedQuery;
import dev.marquee.features.VideoFeatureBatch;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.ModelHolder;
import dev.marquee.feed.ServingModels;
import dev.marquee.models.ranker.RankerModel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiTaskScorerTest {
    final RankingTestWorld world = new RankingTestWorld();
    final ModelHolder holder = new ModelHolder();
    RankerModel ranker;
    MultiTaskScorer scorer;

    @BeforeAll
    void train() {
        ranker = world.trainTinyRanker(3L);
        holder.swap(new ServingModels("v7", null, ranker));
        scorer = new MultiTaskScorer(holder, new RankerFeatures(world.store, ItemEmbeddings.NONE, true), ScoreWeights.defaults());
    }

    @AfterAll
    void close() {
        ranker.close();
    }

    FeedQuery query(Map<String, Double> params, List<Candidate> cs) {
        return world.hydrate(new FeedQuery("r1", "u1", 10, T0, 1, true, params, new FeatureMap()), cs);
    }

    @Test
    void score_setsHeadsAndWeightedSum_andKeepsTheRowsItScored() {
        List<Candidate> cs = world.candidates(20);
        FeedQuery q = query(Map.of(), cs);
        scorer.score(q, cs);
        RankerRows rows = q.features().get(RankingFeatures.RANKER_ROWS);
        assertThat(rows.modelVersion()).isEqualTo("v7");
        float[] expectedHeads = new float[cs.size() * 3];
        ranker.predict(rows.features(), cs.size(), expectedHeads);
        for (int i = 0; i < cs.size(); i++) {
            Candidate c = cs.get(i);
            float[] h = c.heads();
            assertThat(h).containsExactly(expectedHeads[i * 3], expectedHeads[i * 3 + 1], expectedHeads[i * 3 + 2]);
            VideoFeatureBatch videos = q.features().get(FeedFeatures.VIDEOS);
            ScoreWeights d = ScoreWeights.defaults();
            double expected = (1.0 * h[0] + 2.0 * h[1] + 4.0 * h[2])
                    * Math.pow(1 + videos.longViews24h(c.row()), d.popularity())
                    * Math.pow(Math.max(videos.longViewRate(c.row()), 1e-6), d.rate())
                    * Math.pow(Math.max(1, videos.durationSeconds(c.row())) / 60.0, d.duration());
            assertThat(c.score()).isCloseTo(expected, within(1e-12));
            assertThat(c.stageScores()).containsKey("multi-task");
            assertThat(rows.indexOf(c)).isEqualTo(i);
            assertThat(c.decisions()).singleElement().asString().contains("p_click=");
        }
    }

    @Test
    void score_appliesPerRequestWeightOverrides() {
        List<Candidate> cs = world.candidates(20);
        scorer.score(query(Map.of("w_click", 0.0, "w_watch", 0.0, "w_share", 1.0, "w_pop", 0.0, "w_dur", 0.0), cs), cs);
        for (Candidate c : cs) {
            assertThat(c.score()).isEqualTo((double) c.heads()[2]);
        }
        List<Candidate> byShare = cs.stream().sorted(Comparator.comparingDouble((Candidate c) -> c.score()).reversed()).toList();
        assertThat(byShare.get(0).heads()[2]).isEqualTo(cs.stream().map(c -> c.heads()[2]).max(Float::compare).orElseThrow());
        assertThatThrownBy(() -> scorer.score(query(Map.of("w_click", -1.0), world.candidates(2)), List.of()))
                .hasMessageContaining("w_click must be finite and >= 0");
    }

    @Test
    void score_throwsWithoutModel_soTheExecutorFallsBack() {
        MultiTaskScorer noModel = new MultiTaskScorer(new ModelHolder(),
                new RankerFeatures(world.store, ItemEmbeddings.NONE, true), ScoreWeights.defaults());
        List<Candidate> cs = world.candidates(3);
        assertThatThrownBy(() -> noModel.score(query(Map.of(), cs), cs))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no ranker model loaded");
    }

    @Test
    void score_throwsWhenHydrationIsMissing() {
        List<Candidate> cs = world.candidates(3);
        FeedQuery bare = FeedQuery.of("r", "u1", 10, T0, 1, false);
        assertThatThrownBy(() -> scorer.score(bare, cs)).hasMessageContaining("user");
    }
}
