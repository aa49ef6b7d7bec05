package dev.marquee.feed.retrieval;

import static dev.marquee.feed.retrieval.RetrievalWorld.MINUTE;
import static dev.marquee.feed.retrieval.RetrievalWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.ann.ExactIndex;
import dev.marquee.ann.VectorIndex;
import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.feed.FeedFeatures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwoTowerCandidateSourceTest {
    static final long NOW = T0 + 10 * MINUTE;
    RetrievalWorld world;
    ExactIndex index;

    @BeforeEach
    void world() {
        world = new RetrievalWorld();
        for (int v = 0; v < 5; v++) {
            world.video("v" + v, "c", "music", T0);
        }
        world.longView("me", "v1", T0).sync();
        world.longView("someone", "unlisted", T0).sync(); // interned by the store, never upserted
        index = new ExactIndex(2);
        put("v0", 1, 0);
        put("v1", 0.99, 0.14);
        put("v2", 0.8, 0.6);
        put("v3", 0.6, 0.8);
        put("v4", 0, 1);
        index.upsert(world.dense("unlisted"), unit(0.95, 0.3));
    }

    @AfterEach
    void close() {
        world.close();
    }

    private void put(String video, double x, double y) {
        index.upsert(world.dense(video), unit(x, y));
    }

    private static float[] unit(double x, double y) {
        double n = Math.hypot(x, y);
        return new float[] {(float) (x / n), (float) (y / n)};
    }

    private TwoTowerCandidateSource source(Optional<VectorIndex> items) {
        return new TwoTowerCandidateSource(() -> items, world.catalogue(), RetrievalConfig.defaults());
    }

    private FeedQuery queryWithEmbedding(float[] embedding) {
        FeedQuery q = world.query("me", NOW);
        q.features().put(FeedFeatures.USER_EMBEDDING, embedding);
        return q;
    }

    @Test
    void fetch_returnsEligibleVideosByDotProduct_skippingWatchedAndUnservable() {
        List<Candidate> got = source(Optional.of(index)).fetch(queryWithEmbedding(unit(1, 0)));

        assertThat(got.stream().map(c -> world.external(c.video())).toList()).containsExactly("v0", "v2", "v3", "v4");
        assertThat(got.getFirst().score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(got.getFirst().sources()).containsOnlyKeys("two-tower");
    }

    @Test
    void fetch_withoutEmbeddingOrIndex_returnsNothing() {
        assertThat(source(Optional.of(index)).fetch(world.query("me", NOW))).isEmpty();
        assertThat(source(Optional.empty()).fetch(queryWithEmbedding(unit(1, 0)))).isEmpty();
    }

    @Test
    void fetch_embeddingFromAnotherModelShape_returnsNothing() {
        assertThat(source(Optional.of(index)).fetch(queryWithEmbedding(new float[] {1, 0, 0}))).isEmpty();
    }

    @Test
    void modelLoadedGate_opensOnlyWithAUserEmbedding() {
        assertThat(new ModelLoadedGate().open(world.query("me", NOW))).isFalse();
        assertThat(new ModelLoadedGate().open(queryWithEmbedding(unit(1, 0)))).isTrue();
    }
}
