package dev.marquee.feed.ranking;

import static dev.marquee.feed.ranking.RankingTestWorld.HOUR;
import static dev.marquee.feed.ranking.RankingTestWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.events.View;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendingOrderScorerTest {
    final RankingTestWorld world = new RankingTestWorld();

    @Test
    void score_putsTheVideoWithRecentLongViewsFirst() {
        List<View> views = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            views.add(new View(world.id(), T0 - HOUR / 2 + i, "u" + (10 + i), "v7", null, 50));
        }
        world.apply(views);
        List<Candidate> cs = world.candidates(10);
        new TrendingOrderScorer().score(world.hydrate(FeedQuery.of("r", "u1", 10, T0, 1, false), cs), cs);
        Candidate best = cs.stream().max(java.util.Comparator.comparingDouble((Candidate c) -> c.score())).orElseThrow();
        assertThat(best.video()).isEqualTo(world.dense("v7"));
        assertThat(cs).allSatisfy(c -> assertThat(c.stageScores()).containsKey("trending-order"));
    }

    @Test
    void score_withoutHydratedVideos_keepsRetrievalScores() {
        List<Candidate> cs = world.candidates(4);
        new TrendingOrderScorer().score(FeedQuery.of("r", "u1", 10, T0, 1, false), cs);
        assertThat(cs).extracting(Candidate::score).containsExactly(1.0f * 1 - 0 / 100f + 0.0, (double) (1f - 1 / 100f),
                (double) (1f - 2 / 100f), (double) (1f - 3 / 100f));
    }
}
