package dev.marquee.feed.retrieval;

import static dev.marquee.feed.retrieval.RetrievalWorld.MINUTE;
import static dev.marquee.feed.retrieval.RetrievalWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.core.Candidate;
import dev.marquee.features.TopN;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SegmentPopularCandidateSourceTest {
    static final long NOW = T0 + 60 * MINUTE;
    RetrievalWorld world;

    @BeforeEach
    void world() {
        world = new RetrievalWorld();
        world.video("s1", "c", "music", T0).video("s2", "c", "music", T0).video("d1", "c", "music", T0);
        watchers("us-mobile-young", "18-24", "US", "mobile", "s1", 3);
        watchers("us-desktop-old", "25-34", "US", "desktop", "s2", 2);
        watchers("de", "18-24", "DE", "mobile", "d1", 5);
        world.user("newbie-exact", "18-24", "US", "mobile")
                .user("newbie-tablet", "18-24", "US", "tablet")
                .user("newbie-fr", "18-24", "FR", "mobile").sync();
    }

    private void watchers(String prefix, String age, String country, String device, String video, int n) {
        for (int i = 0; i < n; i++) {
            world.user(prefix + i, age, country, device).longView(prefix + i, video, T0 + i * MINUTE);
        }
    }

    @AfterEach
    void close() {
        world.close();
    }

    /** Prior 0: the finest segment with at least {@code minSize} videos alone (no smoothing). */
    private SegmentPopularCandidateSource source(int minSize) {
        return source(minSize, 0.0);
    }

    private SegmentPopularCandidateSource source(int minSize, double prior) {
        return new SegmentPopularCandidateSource(world.store, world.catalogue(),
                RetrievalConfig.defaults().withSegment(300, minSize, prior));
    }

    private List<String> videos(List<Candidate> candidates) {
        return candidates.stream().map(c -> world.external(c.video())).toList();
    }

    @Test
    void fetch_usesTheUsersExactSegmentWhenItIsBigEnough() {
        List<Candidate> got = source(1).fetch(world.query("newbie-exact", NOW));

        assertThat(videos(got)).containsExactly("s1");
        assertThat(got.getFirst().decisions()).anySatisfy(d -> assertThat(d).startsWith("segment FULL"));
    }

    @Test
    void fetch_unseenDevice_fallsBackToCountryAndAge() {
        List<Candidate> got = source(1).fetch(world.query("newbie-tablet", NOW));

        assertThat(videos(got)).containsExactly("s1");
        assertThat(got.getFirst().decisions()).anySatisfy(d -> assertThat(d).startsWith("segment COUNTRY_AGE"));
    }

    @Test
    void fetch_thinSegment_fallsBackToTheCountry() {
        List<Candidate> got = source(2).fetch(world.query("newbie-exact", NOW));

        assertThat(videos(got)).containsExactly("s1", "s2");
        assertThat(got.getFirst().decisions()).anySatisfy(d -> assertThat(d).startsWith("segment COUNTRY "));
    }

    @Test
    void fetch_unknownCountryAndAnonymousUsers_getGlobalPopularity() {
        assertThat(videos(source(1).fetch(world.query("newbie-fr", NOW)))).containsExactly("d1", "s1", "s2");
        assertThat(videos(source(1).fetch(world.query("anonymous", NOW)))).containsExactly("d1", "s1", "s2");
    }

    @Test
    void fetch_smallPrior_keepsTheSegmentsOwnRankingFirst_andCoarserSegmentsFillIn() {
        // FULL knows s1 only; the country adds s2, global adds d1: a thin segment's list never runs short
        List<Candidate> got = source(1, 1e-3).fetch(world.query("newbie-exact", NOW));

        assertThat(videos(got)).containsExactly("s1", "s2", "d1");
    }

    @Test
    void fetch_reusesASegmentsListForOneSecondOfQueryTime_thenSeesNewLongViews() {
        SegmentPopularCandidateSource source = source(1);
        assertThat(videos(source.fetch(world.query("newbie-fr", NOW)))).startsWith("d1");
        watchers("fan", "35-44", "FR", "desktop", "s2", 9);
        world.sync();

        assertThat(videos(source.fetch(world.query("newbie-fr", NOW + SegmentPopularCandidateSource.REUSE_MILLIS - 1))))
                .as("within the reuse window").startsWith("d1");
        assertThat(videos(source.fetch(world.query("newbie-fr", NOW + SegmentPopularCandidateSource.REUSE_MILLIS))))
                .as("after it").startsWith("s2");
    }

    @Test
    void fetch_hugePrior_isGlobalPopularity() {
        assertThat(videos(source(1, 1e9).fetch(world.query("newbie-exact", NOW)))).containsExactly("d1", "s1", "s2");
    }

    @Test
    void fetch_scoresAreTheSmoothedShares_computedLevelByLevel() {
        // counts (≈, decayed by minutes of a 24 h half-life): global s1 3, s2 2, d1 5; US s1 3, s2 2;
        // US×18-24 and US×mobile×18-24 s1 3. With α = 5:
        // global .3/.2/.5; US (c + 5p)/(5 + 5) = .45/.30/.25; US×18-24 (3 + 5·.45)/8 = .656, 5·.30/8, 5·.25/8;
        // FULL (3 + 5·.656)/8 = .785, 5·.1875/8 = .117, 5·.156/8 = .098
        List<Candidate> got = source(1, 5).fetch(world.query("newbie-exact", NOW));

        assertThat(videos(got)).containsExactly("s1", "s2", "d1");
        assertThat(got.get(0).sourceScore(SegmentPopularCandidateSource.ID.name())).isCloseTo(.785f, within(.01f));
        assertThat(got.get(1).sourceScore(SegmentPopularCandidateSource.ID.name())).isCloseTo(.117f, within(.01f));
        assertThat(got.get(2).sourceScore(SegmentPopularCandidateSource.ID.name())).isCloseTo(.098f, within(.01f));
    }

    @Test
    void fetch_unknownCountry_smoothedListIsGlobal() {
        assertThat(videos(source(1, 5).fetch(world.query("newbie-fr", NOW)))).containsExactly("d1", "s1", "s2");
    }

    @Test
    void smooth_handBuiltLevels_exactShares() {
        Int2DoubleOpenHashMap global = SegmentPopularCandidateSource.smooth(
                new TopN(new int[] {1, 2}, new double[] {6, 2}, 0), new Int2DoubleOpenHashMap(), 0);
        assertThat(global.get(1)).isCloseTo(.75, within(1e-12));
        assertThat(global.get(2)).isCloseTo(.25, within(1e-12));

        // segment: video 3 twice, prior 2 → (c + 2p) / (2 + 2)
        Int2DoubleOpenHashMap segment = SegmentPopularCandidateSource.smooth(
                new TopN(new int[] {3}, new double[] {2}, 0), global, 2);
        assertThat(segment.get(3)).isCloseTo(.5, within(1e-12));
        assertThat(segment.get(1)).isCloseTo(.375, within(1e-12));
        assertThat(segment.get(2)).isCloseTo(.125, within(1e-12));

        // an empty level leaves the parent's distribution as it is
        assertThat(SegmentPopularCandidateSource.smooth(new TopN(new int[0], new double[0], 0), segment, 2))
                .isSameAs(segment);
    }

    @Test
    void newUserGate_closesOnceTheUserHasEnoughEngagements() {
        NewUserGate gate = new NewUserGate(5);
        assertThat(gate.open(world.query("newbie-exact", NOW))).isTrue();
        assertThat(gate.open(world.query("anonymous", NOW))).isTrue();

        for (int i = 0; i < 5; i++) {
            world.click("newbie-exact", "s2", NOW + i);
        }
        world.sync();

        assertThat(gate.open(world.query("newbie-exact", NOW + MINUTE))).isFalse();
    }
}
