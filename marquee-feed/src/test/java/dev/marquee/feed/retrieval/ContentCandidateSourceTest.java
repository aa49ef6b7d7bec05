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

    @Test
    void fetch_fromTheCache_equalsAFreshSearch_andCountsAHit() {
        w.indexed(TinyTwoTower.shared());
        ContentNeighbourCache cache = ContentNeighbourCache.defaults();
        ContentCandidateSource cached = new ContentCandidateSource(w.indexes, RetrievalConfig.defaults(), cache);
        ContentCandidateSource uncached = new ContentCandidateSource(w.indexes, RetrievalConfig.defaults(),
                ContentNeighbourCache.disabled());

        List<String> first = videos(cached.fetch(w.world.query("me", NOW)));
        long missesAfterFirst = cache.misses();
        List<String> second = videos(cached.fetch(w.world.query("me", NOW + 1_000)));

        assertThat(missesAfterFirst).isPositive();
        assertThat(cache.misses()).isEqualTo(missesAfterFirst);
        assertThat(cache.hits()).isPositive();
        assertThat(second).isEqualTo(first).isEqualTo(videos(uncached.fetch(w.world.query("me", NOW + 1_000))));
        assertThat(first).isNotEmpty();
    }

    @Test
    void fetch_anUploadMissingFromCachedNeighbours_appearsOnceTheTtlHasPassedInQueryTime() {
        w.indexed(TinyTwoTower.shared());
        ContentNeighbourCache cache = new ContentNeighbourCache(java.time.Duration.ofSeconds(30), 1 << 20);
        ContentCandidateSource source = new ContentCandidateSource(w.indexes, RetrievalConfig.defaults(), cache);
        source.fetch(w.world.query("me", NOW));

        dev.marquee.events.Video upload = ModelBackedWorld.video("chess-4", "chess",
                "Queen's gambit accepted: opening traps for beginners", List.of("chess", "opening"));
        w.indexes.upsert(new int[] {w.world.store.videos().intern(upload.videoId())}, List.of(upload));

        assertThat(videos(source.fetch(w.world.query("me", NOW + 10_000)))).doesNotContain("chess-4");
        assertThat(videos(source.fetch(w.world.query("me", NOW + 31_000)))).contains("chess-4");
        assertThat(videos(new ContentCandidateSource(w.indexes, RetrievalConfig.defaults(),
                ContentNeighbourCache.disabled()).fetch(w.world.query("me", NOW + 10_000)))).contains("chess-4");
    }

    @Test
    void fetch_afterAModelChange_doesNotServeTheOldGenerationsNeighbours() {
        w.indexed(TinyTwoTower.shared());
        ContentNeighbourCache cache = ContentNeighbourCache.defaults();
        ContentCandidateSource source = new ContentCandidateSource(w.indexes, RetrievalConfig.defaults(), cache);
        source.fetch(w.world.query("me", NOW));
        long misses = cache.misses();

        w.indexed(TinyTwoTower.shared());
        source.fetch(w.world.query("me", NOW + 1_000));

        assertThat(cache.misses()).isGreaterThan(misses);
    }
}
