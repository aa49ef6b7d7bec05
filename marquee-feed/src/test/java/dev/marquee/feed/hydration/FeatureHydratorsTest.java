package dev.marquee.feed.hydration;

import static dev.marquee.feed.retrieval.RetrievalWorld.HOUR;
import static dev.marquee.feed.retrieval.RetrievalWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.retrieval.RetrievalWorld;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.VideoFeatureBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeatureHydratorsTest {
    RetrievalWorld world;

    @BeforeEach
    void world() {
        world = new RetrievalWorld();
        world.video("a", "ca", "music", T0).video("b", "cb", "chess", T0).video("c", "cc", "music", T0)
                .longView("me", "b", T0).longView("other", "b", T0).sync();
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void userFeaturesHydrator_readsTheUserAtTheRequestTime() {
        FeedQuery q = FeedQuery.of("r", "me", 10, T0 + HOUR, 1, false);
        new UserFeaturesHydrator(world.store).hydrate(q);

        assertThat(q.features().get(FeedFeatures.USER).known()).isTrue();
        assertThat(q.features().get(FeedFeatures.USER).nowMillis()).isEqualTo(T0 + HOUR);
        assertThat(q.features().get(FeedFeatures.USER).recentLongViews()).containsExactly(world.dense("b"));
    }

    @Test
    void userFeaturesHydrator_unknownUser_readsAsNewUser() {
        FeedQuery q = FeedQuery.of("r", "ghost", 10, T0, 1, false);
        new UserFeaturesHydrator(world.store).hydrate(q);
        assertThat(q.features().get(FeedFeatures.USER).known()).isFalse();
    }

    @Test
    void videoFeaturesHydrator_fillsOneBatch_andGivesEachCandidateItsRow() {
        List<Candidate> candidates = new ArrayList<>(List.of(Candidate.from(world.dense("c"), "s", 1f),
                Candidate.from(world.dense("b"), "s", 1f), Candidate.from(world.dense("a"), "s", 1f)));
        FeedQuery q = FeedQuery.of("r", "me", 10, T0 + HOUR, 1, false);

        new VideoFeaturesHydrator(world.store).hydrate(q, candidates);

        VideoFeatureBatch batch = q.features().get(FeedFeatures.VIDEOS);
        assertThat(batch.size()).isEqualTo(3);
        for (Candidate c : candidates) {
            assertThat(batch.video(c.row())).isEqualTo(c.video());
        }
        Candidate b = candidates.get(1);
        assertThat(batch.longViewsTotal(b.row())).isEqualTo(2);
        assertThat(batch.category(b.row())).isEqualTo(world.store.categories().find("chess"));
    }

    @Test
    void videoFeaturesHydrator_tooManyCandidates_failsWithAClearMessage() {
        List<Candidate> many = new ArrayList<>();
        for (int i = 0; i <= FeatureStore.MAX_VIDEO_BATCH; i++) {
            many.add(Candidate.from(world.dense("a"), "s", 1f));
        }
        assertThatThrownBy(() -> new VideoFeaturesHydrator(world.store).hydrate(FeedQuery.of("r", "me", 10, T0, 1, false), many))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower the merger's target");
    }
}
