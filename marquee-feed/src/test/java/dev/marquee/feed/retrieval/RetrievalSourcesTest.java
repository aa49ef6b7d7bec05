package dev.marquee.feed.retrieval;

import static dev.marquee.feed.retrieval.ModelBackedWorld.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.FeedQuery;
import dev.marquee.core.GatedSource;
import dev.marquee.feed.hydration.HistoryWeighting;
import dev.marquee.feed.hydration.UserEmbeddingHydrator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalSourcesTest {
    @TempDir
    Path dir;
    ModelBackedWorld w;

    @BeforeEach
    void start() {
        w = new ModelBackedWorld(dir);
    }

    @AfterEach
    void stop() throws Exception {
        w.close();
    }

    private List<String> open(String user) {
        FeedQuery q = w.world.query(user, NOW);
        new UserEmbeddingHydrator(w.indexes::servingModel, w.world.store.videos(), HistoryWeighting.defaults()).hydrate(q);
        return RetrievalSources.gated(w.world.store, w.indexes, RetrievalConfig.defaults(), Duration.ofMillis(20))
                .stream().filter(g -> g.gate().open(q)).map(g -> g.source().id().name()).toList();
    }

    @Test
    void gated_beforeTheFirstModel_modelSourcesStayClosed() {
        assertThat(open("me")).containsExactly("co-watch", "segment-popular", "fresh-uploads", "trending");
        assertThat(open("nobody")).containsExactly("segment-popular", "fresh-uploads", "trending");
    }

    @Test
    void gated_withAModel_userWithHistoryGetsEverySource() {
        w.indexed(TinyTwoTower.shared());
        for (int i = 0; i < 5; i++) {
            w.world.click("me", "cook-1", NOW - 1_000 - i);
        }
        w.world.sync();

        assertThat(open("me")).containsExactly("two-tower", "co-watch", "content", "segment-popular", "fresh-uploads",
                "trending");
        assertThat(open("nobody")).containsExactly("two-tower", "segment-popular", "fresh-uploads", "trending");
        assertThat(RetrievalSources.gated(w.world.store, w.indexes, RetrievalConfig.defaults(), Duration.ofMillis(20)))
                .extracting(GatedSource::budget).containsOnly(Duration.ofMillis(20));
    }
}
