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

class FreshUploadsCandidateSourceTest {
    static final long NOW = T0 + 72 * HOUR;
    RetrievalWorld world;
    FreshUploadsCandidateSource source;

    @BeforeEach
    void world() {
        world = new RetrievalWorld();
        world.video("c-old", "cc", "chess", NOW - 72 * HOUR)
                .video("c-mid", "cc", "chess", NOW - 20 * HOUR)
                .video("c-new", "cc", "chess", NOW - HOUR)
                .video("k-new", "ck", "cooking", NOW - 30 * MINUTE)
                .click("chessfan", "c-old", NOW - 2 * HOUR).sync();
        source = new FreshUploadsCandidateSource(world.store, world.catalogue(), RetrievalConfig.defaults());
    }

    @AfterEach
    void close() {
        world.close();
    }

    private List<String> videos(List<Candidate> candidates) {
        return candidates.stream().map(c -> world.external(c.video())).toList();
    }

    @Test
    void fetch_newestUploadsOfTheUsersCategories_dropsTooOld() {
        assertThat(videos(source.fetch(world.query("chessfan", NOW)))).containsExactly("c-new", "c-mid");
    }

    @Test
    void fetch_userWithoutAffinities_getsEveryCategorysNewest() {
        assertThat(videos(source.fetch(world.query("nobody", NOW)))).containsExactly("k-new", "c-new", "c-mid");
    }

    @Test
    void fetch_skipsVideosTheUserAlreadyWatched() {
        world.longView("chessfan", "c-mid", NOW - MINUTE).sync();

        assertThat(videos(source.fetch(world.query("chessfan", NOW)))).containsExactly("c-new");
    }
}
