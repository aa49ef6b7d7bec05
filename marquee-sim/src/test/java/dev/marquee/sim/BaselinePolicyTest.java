package dev.marquee.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BaselinePolicyTest {
    private final World world = World.generate(SmallWorlds.config(21));

    @Test
    void recommend_returnsKDistinctVideosUploadedByThen() {
        BaselinePolicy policy = new BaselinePolicy(world);
        long t = world.config().startMillis() + WorldConfig.DAY_MILLIS;
        for (int user = 0; user < 50; user++) {
            int[] feed = policy.recommend(user, t, 10);
            assertThat(feed).hasSize(10).doesNotHaveDuplicates();
            assertThat(Arrays.stream(feed)).allMatch(v -> world.uploadedAt(v) <= t);
        }
        assertThat(policy.chart()).hasSize(BaselinePolicy.CHART_SIZE).doesNotHaveDuplicates();
    }

    @Test
    void chartProbabilities_followRankPowerAndSumToOne() {
        BaselinePolicy policy = new BaselinePolicy(world);
        policy.advanceTo(world.config().startMillis() + 1);
        double[] p = policy.chartProbabilities();
        assertThat(p).hasSize(policy.chart().length);
        assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p[0] / p[1]).isCloseTo(Math.pow(2, 0.7), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(policy.popularShare()).isEqualTo(world.config().baselinePopularShare());
    }

    @Test
    void recommend_returnsFewerWhenFewerAreUploaded() {
        BaselinePolicy policy = new BaselinePolicy(world);
        long t = world.uploadedAt(2);
        int[] feed = policy.recommend(0, t, 10);
        assertThat(feed).containsExactlyInAnyOrder(0, 1, 2);
        assertThatThrownBy(() -> policy.recommend(0, t, -1)).hasMessage("k must be ≥ 0, got -1");
    }

    @Test
    void chart_promotesVideosThatEngage() {
        BaselinePolicy policy = new BaselinePolicy(world);
        long t = world.config().startMillis() + 1;
        int fresh = world.videosUploadedBy(world.config().startMillis() + 3_600_000L) - 1;
        policy.recommend(0, t, 10);
        assertThat(policy.chart()).doesNotContain(fresh);
        for (int i = 0; i < 40; i++) {
            policy.observe(1, fresh, t, FeedPolicy.Feedback.IMPRESSION);
            policy.observe(1, fresh, t, FeedPolicy.Feedback.CLICK);
            policy.observe(1, fresh, t, FeedPolicy.Feedback.LONG_VIEW);
        }
        policy.recommend(0, t + 3_600_000L, 10);
        assertThat(policy.chart()[0]).isEqualTo(fresh);
    }

    @Test
    void sameWorld_givesSameFeeds() {
        BaselinePolicy a = new BaselinePolicy(world);
        BaselinePolicy b = new BaselinePolicy(world);
        long t = world.config().startMillis() + 5_000;
        for (int user = 0; user < 20; user++) {
            assertThat(a.recommend(user, t, 10)).containsExactly(b.recommend(user, t, 10));
        }
    }
}
