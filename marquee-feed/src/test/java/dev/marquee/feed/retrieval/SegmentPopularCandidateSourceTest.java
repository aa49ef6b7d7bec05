package dev.marquee.feed.retrieval;

import static dev.marquee.feed.retrieval.RetrievalWorld.MINUTE;
import static dev.marquee.feed.retrieval.RetrievalWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
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

    private SegmentPopularCandidateSource source(int minSize) {
        return new SegmentPopularCandidateSource(world.store, world.catalogue(),
                RetrievalConfig.defaults().withSegment(300, minSize));
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
