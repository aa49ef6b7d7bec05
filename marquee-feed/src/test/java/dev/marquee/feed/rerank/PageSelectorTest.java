package dev.marquee.feed.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.features.VideoFeatureBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PageSelectorTest {
    private static final Catalog CATALOG = Catalog.shared();

    @Test
    void select_cutsToTheLimit_numbersPositions_andDropsARepeatedVideo() {
        List<Candidate> cands = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cands.add(Candidate.from(CATALOG.videos[i], "test", 1f));
        }
        Candidate repeat = Candidate.from(CATALOG.videos[1], "other", 1f);
        cands.add(2, repeat);
        FeedQuery q = FeedQuery.of("r", "u", 5, Catalog.NOW, 1L, true);

        List<Candidate> page = new PageSelector().select(q, cands);

        assertThat(page).extracting(Candidate::video).containsExactly(
                CATALOG.videos[0], CATALOG.videos[1], CATALOG.videos[2], CATALOG.videos[3], CATALOG.videos[4]);
        for (int p = 0; p < page.size(); p++) {
            assertThat(page.get(p).features().get(RerankFeatures.POSITION)).isEqualTo(p);
        }
        assertThat(repeat.decisions()).containsExactly("page: dropped, video already on the page");
    }

    @Test
    void wholeStage_keepsEveryItemsProvenance() {
        List<Candidate> cands = CATALOG.candidates(new SplittableRandom(5), 200);
        cands.forEach(c -> c.addSource("co-watch", 0.25f));
        Map<Candidate, Map<String, Float>> sourcesBefore = new java.util.IdentityHashMap<>();
        Map<Candidate, Map<String, Double>> scoresBefore = new java.util.IdentityHashMap<>();
        cands.forEach(c -> {
            sourcesBefore.put(c, Map.copyOf(c.sources()));
            scoresBefore.put(c, Map.copyOf(c.stageScores()));
        });
        FeedQuery q = CATALOG.world.query("visitor", 25, Catalog.NOW, 77L, true, cands, new VideoFeatureBatch(200));

        List<Candidate> page = RerankStage.standard(RerankConfig.defaults(), BlockList.empty(),
                CATALOG.world.store.languages(), ItemEmbeddings.NONE).apply(q, cands);

        assertThat(page).hasSize(25);
        for (Candidate c : page) {
            assertThat(sourcesBefore).containsKey(c);
            assertThat(c.sources()).isEqualTo(sourcesBefore.get(c)).containsKey("co-watch");
            assertThat(c.stageScores()).isEqualTo(scoresBefore.get(c));
        }
    }
}
