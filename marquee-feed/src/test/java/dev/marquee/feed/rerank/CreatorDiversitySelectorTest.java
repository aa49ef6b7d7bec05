package dev.marquee.feed.rerank;

import static dev.marquee.feed.rerank.RerankWorld.DAY;
import static dev.marquee.feed.rerank.RerankWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.events.Event;
import dev.marquee.features.VideoFeatureBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreatorDiversitySelectorTest {
    private final RerankWorld w = new RerankWorld();
    private final CreatorDiversitySelector selector = new CreatorDiversitySelector(RerankConfig.defaults());

    @Test
    void select_spreadsACreatorOverTheWindow_andKeepsScoreOrderOtherwise() {
        // video name = creator letter + index; each creator has its own category
        List<Candidate> page = run(8, true, "A1", "A2", "A3", "B1", "C1", "D1", "E1", "F1", "G1");
        assertThat(names(page)).containsExactly("A1", "B1", "C1", "D1", "E1", "A2", "F1", "G1", "A3");
        assertThat(byName(page, "A2").decisions())
                .containsExactly("creator-diversity: rank 1 deferred to position 5 by creator window");
        assertThat(byName(page, "A3").decisions())
                .containsExactly("creator-diversity: rank 2 deferred off the page by creator window");
    }

    @Test
    void select_capsACreatorPerPage() {
        List<Candidate> out = run(12, false, "A1", "B1", "C1", "D1", "E1", "A2", "F1", "G1", "H1", "I1", "A3", "J1", "K1");
        assertThat(names(out.subList(0, 12))).doesNotContain("A3");
        assertThat(names(out)).endsWith("A3");
    }

    @Test
    void select_breaksRunsOfOneCategory() {
        // creators distinct; "m" = music, "n" = news (category is the second letter)
        List<Candidate> out = runWithCategories(6, "Pm", "Qm", "Rm", "Sm", "Tm", "Un");
        assertThat(names(out)).containsExactly("Pm", "Qm", "Rm", "Un", "Sm", "Tm");
    }

    @Test
    void select_relaxesInTheDocumentedOrder_andNeverReturnsAShortPage() {
        List<Candidate> out = run(5, false, "A1", "A2", "A3", "A4", "A5", "A6");
        assertThat(out).hasSize(6);
        assertThat(names(out.subList(0, 5))).containsExactly("A1", "A2", "A3", "A4", "A5");
        assertThat(byName(out, "A2").decisions()).containsExactly("creator-diversity: position 1 relaxed category run + creator window");
        assertThat(byName(out, "A3").decisions()).containsExactly("creator-diversity: position 2 relaxed all rules");
    }

    @Test
    void select_neverPlacesAnExplorationPickBeforeItsSlot() {
        List<Candidate> cands = candidates("A1", "A2", "B1", "C1", "D1", "E1", "X1");
        Candidate pick = cands.getLast();
        pick.features().put(RerankFeatures.EXPLORATION_SLOT, 3);
        List<Candidate> out = select(selector, 7, false, cands);
        assertThat(names(out)).containsExactly("A1", "B1", "C1", "X1", "D1", "A2", "E1");
    }

    @Test
    void similarityPenalty_demotesNearDuplicates_whenEnabled() {
        List<Candidate> plain = select(selector, 3, false, candidates("A1", "B1", "C1"));
        assertThat(names(plain)).containsExactly("A1", "B1", "C1");

        float[][] vectors = new float[w.store.videos().size()][];
        vectors[w.dense("A1")] = new float[] {1, 0};
        vectors[w.dense("B1")] = new float[] {0.99f, 0.1f};
        vectors[w.dense("C1")] = new float[] {0, 1};
        CreatorDiversitySelector mmr = new CreatorDiversitySelector(RerankConfig.defaults().withSimilarityPenalty(0.5),
                ItemEmbeddings.of(vectors));
        List<Candidate> diverse = select(mmr, 3, false, candidates("A1", "B1", "C1"));
        assertThat(names(diverse)).containsExactly("A1", "C1", "B1");
    }

    private List<Candidate> run(int limit, boolean explain, String... names) {
        return select(selector, limit, explain, candidates(names));
    }

    private List<Candidate> runWithCategories(int limit, String... names) {
        return select(selector, limit, false, candidates(names));
    }

    /** Upserts each named video once (creator = first letter; category = second letter if a letter, else creator). */
    private List<Candidate> candidates(String... names) {
        List<Event> events = new ArrayList<>();
        for (String n : names) {
            if (w.store.videos().find(n) < 0) {
                String category = Character.isLetter(n.charAt(1)) ? "cat-" + n.charAt(1) : "cat-" + n.charAt(0);
                events.add(w.video(n, "creator-" + n.charAt(0), category, T0 - DAY, 100, "en"));
            }
        }
        w.append(events);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Candidate c = Candidate.from(w.dense(names[i]), "test", 1f);
            c.score("ranker", 1.0 - i * 0.01);
            out.add(c);
        }
        return out;
    }

    private List<Candidate> select(CreatorDiversitySelector s, int limit, boolean explain, List<Candidate> cands) {
        FeedQuery q = w.query("u", limit, T0, 1L, explain, cands, new VideoFeatureBatch(cands.size()));
        return s.select(q, cands);
    }

    private List<String> names(List<Candidate> cands) {
        return cands.stream().map(c -> w.store.videos().external(c.video())).toList();
    }

    private Candidate byName(List<Candidate> cands, String name) {
        return cands.stream().filter(c -> c.video() == w.dense(name)).findFirst().orElseThrow();
    }
}
