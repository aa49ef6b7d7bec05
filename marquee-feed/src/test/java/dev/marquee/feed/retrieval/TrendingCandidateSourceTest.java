package dev.marquee.feed.retrieval;

import static dev.marquee.feed.retrieval.RetrievalWorld.HOUR;
import static dev.marquee.feed.retrieval.RetrievalWorld.MINUTE;
import static dev.marquee.feed.retrieval.RetrievalWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrendingCandidateSourceTest {
    static final long NOW = T0 + 30 * MINUTE;
    RetrievalWorld world;
    TrendingCandidateSource source;

    @BeforeEach
    void world() {
        world = new RetrievalWorld();
        world.video("f1", "cf", "football", T0 - HOUR).video("f2", "cf", "football", T0 - HOUR)
                .video("c1", "cc", "chess", T0 - HOUR).video("c2", "cc", "chess", T0 - HOUR);
        views("f1", 6);
        views("f2", 3);
        views("c1", 4);
        views("c2", 2);
        world.click("chessfan", "c2", T0 - 2 * HOUR).sync();
        source = new TrendingCandidateSource(world.store, world.catalogue(), RetrievalConfig.defaults());
    }

    private void views(String video, int count) {
        for (int i = 0; i < count; i++) {
            world.longView("viewer-" + video + "-" + i, video, T0 + i * MINUTE);
        }
    }

    @AfterEach
    void close() {
        world.close();
    }

    private List<String> videos(List<Candidate> candidates) {
        return candidates.stream().map(c -> world.external(c.video())).toList();
    }

    @Test
    void fetch_userWithoutAffinities_getsGlobalTrendingByVelocity() {
        assertThat(videos(source.fetch(world.query("nobody", NOW)))).containsExactly("f1", "c1", "f2", "c2");
    }

    @Test
    void fetch_biasesTowardTheUsersTopCategories() {
        List<String> got = videos(source.fetch(world.query("chessfan", NOW)));

        assertThat(got.getFirst()).isEqualTo("c1");
        assertThat(got.indexOf("c2")).isLessThan(got.indexOf("f2")); // globally below f2, boosted above it
        assertThat(got).containsExactlyInAnyOrder("f1", "c1", "f2", "c2");
    }

    @Test
    void fetch_reusesTheSharedListsForASecondOfQueryTime_thenSeesNewViews() {
        assertThat(videos(source.fetch(world.query("nobody", NOW))).getFirst()).isEqualTo("f1");
        for (int i = 0; i < 20; i++) {
            world.longView("burst-" + i, "c2", NOW - 1_000);
        }
        world.sync();

        assertThat(videos(source.fetch(world.query("nobody", NOW + 999))).getFirst()).isEqualTo("f1");
        assertThat(videos(source.fetch(world.query("nobody", NOW + TrendingCandidateSource.REUSE_MILLIS)))
                .getFirst()).isEqualTo("c2");
    }
}
