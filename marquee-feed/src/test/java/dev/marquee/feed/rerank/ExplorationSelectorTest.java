package dev.marquee.feed.rerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.features.VideoFeatureBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplorationSelectorTest {
    private static final Catalog CATALOG = Catalog.shared();
    private final VideoFeatureBatch batch = new VideoFeatureBatch(64);

    /** 12 established videos on top, then 6 exploration arms: a 10-item page has exactly one slot (10% of 10). */
    private List<Candidate> fixedList() {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            out.add(candidate(i, 1.0 - i * 0.01));
        }
        for (int i = 0; i < 6; i++) {
            out.add(candidate(Catalog.ESTABLISHED + i, 0.3 - i * 0.01));
        }
        return out;
    }

    @Test
    void thompsonPropensities_matchHowOftenEachArmActuallyWins() {
        int requests = 4_000;
        Map<Integer, Integer> wins = new HashMap<>();
        Map<Integer, Double> propensitySum = new HashMap<>();
        ExplorationSelector selector = new ExplorationSelector(RerankConfig.defaults());
        for (int seed = 0; seed < requests; seed++) {
            Candidate pick = explorationPick(select(selector, seed, fixedList()));
            wins.merge(pick.video(), 1, Integer::sum);
            propensitySum.merge(pick.video(), pick.propensity(), Double::sum);
        }
        assertThat(wins).hasSize(6);
        for (int video : wins.keySet()) {
            double frequency = wins.get(video) / (double) requests;
            double meanPropensity = propensitySum.get(video) / wins.get(video);
            System.out.printf("thompson arm %d: won %.3f of slots, mean estimated propensity %.3f%n", video, frequency, meanPropensity);
            assertThat(meanPropensity).isCloseTo(frequency, within(0.03));
        }
    }

    @Test
    void epsilonGreedy_withEpsilonOne_picksUniformly_withExactPropensity() {
        RerankConfig config = new RerankConfig(3, 5, true, 5, 1, 2, 3, 0.0, 50, 0.10, 2, 48.0, 1_000,
                ExplorationMode.EPSILON_GREEDY, 1.0, 50, 32);
        ExplorationSelector selector = new ExplorationSelector(config);
        Map<Integer, Integer> wins = new HashMap<>();
        for (int seed = 0; seed < 6_000; seed++) {
            Candidate pick = explorationPick(select(selector, seed, fixedList()));
            assertThat(pick.propensity()).isCloseTo(1.0 / 6, within(1e-12));
            wins.merge(pick.video(), 1, Integer::sum);
        }
        assertThat(wins.values()).hasSize(6).allSatisfy(w -> assertThat(w / 6_000.0).isCloseTo(1.0 / 6, within(0.025)));
    }

    @Test
    void pickIsExplained_withArmSampleAndSlot() {
        List<Candidate> out = select(new ExplorationSelector(RerankConfig.defaults()), 5, fixedList());
        Candidate pick = explorationPick(out);
        int slot = pick.features().get(RerankFeatures.EXPLORATION_SLOT);
        assertThat(out.indexOf(pick)).isEqualTo(slot).isBetween(2, 9);
        assertThat(pick.decisions()).singleElement().asString()
                .matches("explore: arm " + pick.video() + " sampled 0\\.\\d+ from Beta\\([\\d.]+, [\\d.]+\\), rank 1[2-7] of 18, slot "
                        + slot + ", propensity 0\\.\\d+");
    }

    @Test
    void withoutExplorationCandidates_orWithATinyPage_theOrderIsPlainScoreOrder() {
        ExplorationSelector selector = new ExplorationSelector(RerankConfig.defaults());
        List<Candidate> established = new ArrayList<>(fixedList().subList(0, 12));
        Collections.reverse(established);
        List<Candidate> out = select(selector, 1, established);
        assertThat(out).isSortedAccordingTo(Comparator.comparingDouble((Candidate c) -> c.score()).reversed());
        assertThat(out).allSatisfy(c -> assertThat(c.propensity()).isEqualTo(1.0));

        RerankConfig everything = RerankConfig.defaults().withExploration(1.0, ExplorationMode.THOMPSON);
        List<Candidate> tiny = fixedList();
        FeedQuery q = CATALOG.world.query("visitor", 2, Catalog.NOW, 9L, false, tiny, batch);
        assertThat(new ExplorationSelector(everything).select(q, tiny))
                .noneMatch(c -> c.features().has(RerankFeatures.EXPLORATION_SLOT));
    }

    private List<Candidate> select(ExplorationSelector selector, long seed, List<Candidate> cands) {
        return selector.select(CATALOG.world.query("visitor", 10, Catalog.NOW, seed, false, cands, batch), cands);
    }

    private static Candidate candidate(int catalogueIndex, double score) {
        Candidate c = Candidate.from(CATALOG.videos[catalogueIndex], "test", (float) score);
        c.score("ranker", score);
        return c;
    }

    private static Candidate explorationPick(List<Candidate> out) {
        List<Candidate> picks = out.stream().filter(c -> c.features().has(RerankFeatures.EXPLORATION_SLOT)).toList();
        assertThat(picks).hasSize(1);
        return picks.getFirst();
    }
}
