package dev.marquee.feed.retrieval;

import static dev.marquee.feed.retrieval.ModelBackedWorld.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCandidateSourceTest {
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

    private List<String> videos(List<Candidate> candidates) {
        return candidates.stream().map(c -> w.world.external(c.video())).toList();
    }

    @Test
    void fetch_ranksContentNeighboursOfRecentLongViews_withoutTheSeed() {
        w.indexed(TinyTwoTower.shared());

        List<String> got = videos(new ContentCandidateSource(w.indexes, RetrievalConfig.defaults())
                .fetch(w.world.query("me", NOW)));

        assertThat(got).doesNotContain("chess-1").contains("chess-2", "chess-3");
        assertThat(got.getFirst()).startsWith("chess-");
    }

    @Test
    void fetch_beforeAnyModelIsIndexed_returnsNothing() {
        assertThat(new ContentCandidateSource(w.indexes, RetrievalConfig.defaults()).fetch(w.world.query("me", NOW)))
                .isEmpty();
    }

    @Test
    void fetch_userWithoutLongViews_returnsNothing() {
        w.indexed(TinyTwoTower.shared());
        assertThat(new ContentCandidateSource(w.indexes, RetrievalConfig.defaults()).fetch(w.world.query("nobody", NOW)))
                .isEmpty();
    }
}
