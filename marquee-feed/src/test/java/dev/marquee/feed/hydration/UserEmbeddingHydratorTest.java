package dev.marquee.feed.hydration;

import static dev.marquee.feed.retrieval.RetrievalWorld.HOUR;
import static dev.marquee.feed.retrieval.RetrievalWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.core.FeedQuery;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.retrieval.RetrievalWorld;
import dev.marquee.feed.retrieval.TinyTwoTower;
import dev.marquee.models.twotower.TwoTowerModel;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserEmbeddingHydratorTest {
    RetrievalWorld world;
    TwoTowerModel model;

    @BeforeEach
    void world() {
        model = TinyTwoTower.shared();
        world = new RetrievalWorld();
        world.video("a", "c", "music", T0).video("b", "c", "music", T0).longView("me", "a", T0).sync();
    }

    @AfterEach
    void close() {
        world.close();
    }

    private float[] embed(long now) {
        FeedQuery q = world.query("me", now);
        new UserEmbeddingHydrator(() -> Optional.of(model), world.store.videos(), HistoryWeighting.defaults()).hydrate(q);
        return q.features().get(FeedFeatures.USER_EMBEDDING);
    }

    @Test
    void hydrate_setsAUnitEmbeddingOfTheModelsWidth() {
        float[] e = embed(T0 + HOUR);
        double norm = 0;
        for (float x : e) {
            norm += x * x;
        }
        assertThat(e).hasSize(model.dimension());
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void hydrate_aClickSecondsAgoAlreadyMovesTheEmbedding() {
        long now = T0 + HOUR;
        float[] before = embed(now);
        world.click("me", "b", now - 2_000).sync();

        float[] after = embed(now);

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void hydrate_withoutModel_leavesTheFeatureAbsent() {
        FeedQuery q = world.query("me", T0 + HOUR);
        new UserEmbeddingHydrator(Optional::empty, world.store.videos(), HistoryWeighting.defaults()).hydrate(q);
        assertThat(q.features().has(FeedFeatures.USER_EMBEDDING)).isFalse();
    }
}
