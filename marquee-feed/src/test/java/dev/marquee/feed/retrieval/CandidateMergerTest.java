package dev.marquee.feed.retrieval;

import static dev.marquee.feed.retrieval.RetrievalWorld.MINUTE;
import static dev.marquee.feed.retrieval.RetrievalWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CandidateMergerTest {
    static final String TT = "two-tower", CW = "co-watch", TR = "trending";
    RetrievalWorld world;
    FeedQuery query;

    @BeforeEach
    void world() {
        world = new RetrievalWorld();
        for (int v = 0; v < 12; v++) {
            world.video("v" + v, "c", "music", T0);
        }
        // v10 and v11 trend (backfill material)
        for (int i = 0; i < 3; i++) {
            world.longView("t" + i, "v10", T0 + i * MINUTE);
        }
        world.longView("t9", "v11", T0).sync();
        query = world.query("me", T0 + 10 * MINUTE);
    }

    @AfterEach
    void close() {
        world.close();
    }

    private CandidateMerger merger(int ttQuota, int cwQuota, int target) {
        return new CandidateMerger(world.store, world.catalogue(), RetrievalConfig.defaults()
                .withQuotas(List.of(new SourceQuota(TT, ttQuota), new SourceQuota(CW, cwQuota)), target));
    }

    private Candidate c(String video, String source, float score) {
        return Candidate.from(world.dense(video), source, score);
    }

    private List<Candidate> input(Candidate... candidates) {
        return new ArrayList<>(List.of(candidates));
    }

    private List<String> videos(List<Candidate> candidates) {
        return candidates.stream().map(c -> world.external(c.video())).toList();
    }

    @Test
    void select_appliesQuotasInPriorityOrder_andDuplicatesDoNotUseQuota() {
        List<Candidate> got = merger(2, 2, 4).select(query, input(
                c("v1", TT, .9f), c("v2", TT, .8f), c("v3", TT, .7f),
                c("v2", CW, 5f), c("v4", CW, 4f), c("v5", CW, 3f)));

        assertThat(videos(got)).containsExactly("v1", "v2", "v4", "v5");
    }

    @Test
    void select_keepsEveryProducingSourceWithItsOwnScore_evenPastItsQuota() {
        List<Candidate> got = merger(2, 2, 4).select(query, input(
                c("v1", TT, .9f), c("v2", TT, .8f),
                c("v3", CW, 5f), c("v4", CW, 4f), c("v1", CW, 3f)));

        Candidate v1 = got.stream().filter(c -> c.video() == world.dense("v1")).findFirst().orElseThrow();
        assertThat(v1.sources()).containsEntry(TT, .9f).containsEntry(CW, 3f);
        assertThat(got.stream().map(Candidate::video).distinct().count()).isEqualTo(got.size());
    }

    @Test
    void select_shortOfTarget_sharesLeftoversRoundRobin() {
        List<Candidate> got = merger(1, 1, 5).select(query, input(
                c("v1", TT, .9f), c("v2", TT, .8f), c("v3", TT, .7f),
                c("v4", CW, 5f), c("v5", CW, 4f), c("v6", CW, 3f)));

        assertThat(videos(got)).containsExactly("v1", "v4", "v2", "v5", "v3");
    }

    @Test
    void select_sourceWithoutQuota_onlyFillsLeftoverRoom() {
        List<Candidate> got = merger(2, 2, 3).select(query, input(
                c("v7", "experimental", 9f), c("v1", TT, .9f), c("v4", CW, 5f)));

        assertThat(videos(got)).containsExactly("v1", "v4", "v7");
    }

    @Test
    void select_stillShort_backfillsFromTrending() {
        List<Candidate> got = merger(5, 5, 4).select(query, input(c("v1", TT, .9f), c("v10", CW, 2f)));

        assertThat(videos(got)).containsExactly("v1", "v10", "v11");
        assertThat(got.get(2).sources()).containsOnlyKeys(CandidateMerger.BACKFILL_SOURCE);
        assertThat(got.get(1).sources()).containsOnlyKeys(CW); // already present: not duplicated by backfill
    }

    @Test
    void select_candidateWithoutSource_isRejected() {
        assertThatThrownBy(() -> merger(1, 1, 2).select(query, input(new Candidate(world.dense("v1")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no source");
    }

    @Test
    void defaults_quotasAddUpToTheTarget_andThePersonalSourcesKeepTwoFifths() {
        RetrievalConfig d = RetrievalConfig.defaults();
        int personal = d.quota(TT) + d.quota(CW) + d.quota(ContentCandidateSource.ID.name());
        int sum = personal + d.quota(SegmentPopularCandidateSource.ID.name())
                + d.quota(FreshUploadsCandidateSource.ID.name()) + d.quota(TR);
        assertThat(sum).isEqualTo(d.target());
        assertThat(personal).isEqualTo(400);
        // a source's list must be long enough to fill its quota (trending goes deepest: duplicates skip)
        assertThat(d.trendingK()).isGreaterThan(d.quota(TR));
        assertThat(d.segmentK()).isGreaterThanOrEqualTo(d.quota(SegmentPopularCandidateSource.ID.name()));
    }
}
