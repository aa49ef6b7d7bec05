package dev.marquee.feed.retrieval;

import static dev.marquee.feed.retrieval.RetrievalWorld.HOUR;
import static dev.marquee.feed.retrieval.RetrievalWorld.MINUTE;
import static dev.marquee.feed.retrieval.RetrievalWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoWatchCandidateSourceTest {
    static final long NOW = T0 + 10 * HOUR + MINUTE;
    RetrievalWorld world;
    CoWatchCandidateSource source;

    @BeforeEach
    void world() {
        world = new RetrievalWorld();
        for (String v : List.of("A", "B", "X", "Y", "Z", "W")) {
            world.video(v, "creator-" + v, "chess", T0 - 24 * HOUR);
        }
        // A–X co-watched by three users, A–Z by one, B–Y by six (pairs within the 30 min session window)
        for (String u : List.of("u1", "u2", "u3")) {
            world.longView(u, "A", T0).longView(u, "X", T0 + MINUTE);
        }
        world.longView("u4", "A", T0).longView("u4", "Z", T0 + MINUTE);
        for (String u : List.of("u5", "u6", "u10", "u11", "u12", "u13")) {
            world.longView(u, "B", T0).longView(u, "Y", T0 + MINUTE);
        }
        // "me": B ten hours ago, A just now (no pair between them: different sessions)
        world.longView("me", "B", T0).longView("me", "A", T0 + 10 * HOUR).sync();
        source = new CoWatchCandidateSource(world.store, world.catalogue(), RetrievalConfig.defaults());
    }

    @AfterEach
    void close() {
        world.close();
    }

    private List<String> videos(List<Candidate> candidates) {
        return candidates.stream().map(c -> world.external(c.video())).toList();
    }

    @Test
    void fetch_ranksByEdgeStrengthRelativeToSeedAndSeedRecency() {
        List<Candidate> got = source.fetch(world.query("me", NOW));

        // X: recent seed A, strongest edge (1.0); Y: older seed B (~0.75), its strongest edge; Z: A's weak edge (1/3).
        // Raw weights would put Y (6 co-watches) first: edges count relative to their seed's strongest.
        assertThat(videos(got)).containsExactly("X", "Y", "Z");
        assertThat(got.get(0).score()).isGreaterThan(got.get(1).score());
        assertThat(got).allSatisfy(c -> assertThat(c.sources()).containsOnlyKeys("co-watch"));
    }

    @Test
    void fetch_neverReturnsTheSeedsThemselves() {
        assertThat(videos(source.fetch(world.query("me", NOW)))).doesNotContain("A", "B");
    }

    @Test
    void fetch_sumsEvidenceFromSeveralSeeds() {
        // W is co-watched once with A and once with B: weaker per seed than Z, but two seeds agree
        world.longView("u7", "A", T0).longView("u7", "W", T0 + MINUTE)
                .longView("u8", "B", T0).longView("u8", "W", T0 + MINUTE).sync();

        List<String> got = videos(source.fetch(world.query("me", NOW)));

        assertThat(got.indexOf("W")).isLessThan(got.indexOf("Z"));
    }

    @Test
    void historyGate_opensOnlyForUsersWithLongViews() {
        world.click("clicker", "A", T0).sync();
        HistoryGate gate = new HistoryGate(1);

        assertThat(gate.open(world.query("me", NOW))).isTrue();
        assertThat(gate.open(world.query("clicker", NOW))).isFalse();
        assertThat(gate.open(world.query("nobody", NOW))).isFalse();
    }

    @Test
    void fetch_userWithoutHistory_returnsNothing() {
        FeedQuery q = world.query("nobody", NOW);
        assertThat(source.fetch(q)).isEmpty();
    }
}
