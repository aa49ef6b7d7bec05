package dev.marquee.feed.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.features.VideoFeatureBatch;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Properties of the whole re-rank stage over random candidate lists drawn from a real store's catalogue. */
class RerankPropertiesTest {
    private static final Catalog CATALOG = Catalog.shared();
    private final VideoFeatureBatch batch = new VideoFeatureBatch(Catalog.ESTABLISHED + Catalog.FRESH);

    @Property(tries = 300)
    void page_hasAtMostKPerCreatorInEveryWindowOfW_andKPrimePerPage_andMSameCategoryInARow(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int limit, @ForAll @IntRange(min = 100, max = 500) int n) {
        RerankConfig config = RerankConfig.defaults();
        List<Candidate> page = run(config, CATALOG.candidates(new SplittableRandom(seed), n), limit, seed);

        assertThat(page).hasSize(limit);
        assertThat(page).allSatisfy(c -> assertThat(c.decisions()).noneMatch(d -> d.contains("relaxed")));
        for (int p = 0; p < page.size(); p++) {
            assertRulesHoldAt(page, p, config);
        }
    }

    @Property(tries = 200)
    void fewCreators_orStricterRules_pageIsFull_andOnlyRelaxedPlacementsBreakARule(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int limit, @ForAll @IntRange(min = 1, max = 200) int n,
            @ForAll @IntRange(min = 1, max = 12) int creators, @ForAll @IntRange(min = 1, max = 2) int k,
            @ForAll @IntRange(min = 2, max = 8) int window, @ForAll @IntRange(min = 1, max = 4) int categoryRun) {
        RerankConfig config = RerankConfig.defaults().withDiversity(k, window, k + 1, categoryRun);
        List<Candidate> cands = CATALOG.candidates(new SplittableRandom(seed), n, creators);

        List<Candidate> page = run(config, cands, limit, seed);

        assertThat(page).hasSize(Math.min(limit, cands.size()));
        for (int p = 0; p < page.size(); p++) {
            String relaxedHere = "position " + p + " relaxed";
            if (page.get(p).decisions().stream().noneMatch(d -> d.contains(relaxedHere))) {
                assertRulesHoldAt(page, p, config);
            }
        }
    }

    @Property(tries = 3)
    void explorationShare_staysWithinTwoPointsOfTheConfiguredShare_over10000Requests(
            @ForAll @DoubleRange(min = 0.05, max = 0.3) double share, @ForAll @IntRange(min = 5, max = 40) int limit,
            @ForAll long seed) {
        assertShare(RerankConfig.defaults().withExploration(share, ExplorationMode.THOMPSON), limit, seed);
    }

    @Test
    void explorationShare_defaults_over10000Requests() {
        assertShare(RerankConfig.defaults(), 20, 42L);
        assertShare(RerankConfig.defaults().withExploration(0.10, ExplorationMode.EPSILON_GREEDY), 12, 43L);
    }

    @Property(tries = 200)
    void explorationPicks_areExplorationCandidates_neverInTheFirstTwoPositions(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int limit, @ForAll @IntRange(min = 1, max = 300) int n) {
        List<Candidate> page = run(RerankConfig.defaults().withExploration(0.3, ExplorationMode.THOMPSON),
                CATALOG.candidates(new SplittableRandom(seed), n), limit, seed);
        for (int p = 0; p < page.size(); p++) {
            Candidate c = page.get(p);
            if (c.features().has(RerankFeatures.EXPLORATION_SLOT)) {
                assertThat(p).isGreaterThanOrEqualTo(2).isGreaterThanOrEqualTo(c.features().get(RerankFeatures.EXPLORATION_SLOT));
                assertThat(CATALOG.exploration[indexOf(c.video())]).isTrue();
                assertThat(c.propensity()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
                assertThat(c.decisions()).anyMatch(d -> d.startsWith("explore: arm " + c.video() + " sampled "));
            } else {
                assertThat(c.propensity()).isEqualTo(1.0);
            }
            assertThat(c.features().get(RerankFeatures.POSITION)).isEqualTo(p);
        }
    }

    @Property(tries = 200)
    void sameRequestSeed_replaysTheSamePage(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int limit,
                                            @ForAll @IntRange(min = 1, max = 500) int n, @ForAll boolean epsilonGreedy) {
        RerankConfig config = RerankConfig.defaults().withExploration(0.2,
                epsilonGreedy ? ExplorationMode.EPSILON_GREEDY : ExplorationMode.THOMPSON);
        List<Candidate> first = run(config, CATALOG.candidates(new SplittableRandom(seed), n), limit, seed);
        List<Candidate> second = run(config, CATALOG.candidates(new SplittableRandom(seed), n), limit, seed);

        assertThat(second).hasSameSizeAs(first);
        for (int p = 0; p < first.size(); p++) {
            assertThat(second.get(p).video()).isEqualTo(first.get(p).video());
            assertThat(second.get(p).propensity()).isEqualTo(first.get(p).propensity());
            assertThat(second.get(p).decisions()).isEqualTo(first.get(p).decisions());
        }
    }

    private void assertShare(RerankConfig config, int limit, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long positions = 0;
        long explored = 0;
        for (int request = 0; request < 10_000; request++) {
            List<Candidate> page = run(config, CATALOG.candidates(r, 150), limit, r.nextLong(), false);
            positions += page.size();
            explored += page.stream().filter(c -> c.features().has(RerankFeatures.EXPLORATION_SLOT)).count();
        }
        double measured = (double) explored / positions;
        System.out.printf("exploration share: configured %.3f, measured %.4f (%s, page %d, 10,000 requests)%n",
                config.explorationShare(), measured, config.explorationMode(), limit);
        assertThat(measured).isBetween(config.explorationShare() - 0.02, config.explorationShare() + 0.02);
    }

    private List<Candidate> run(RerankConfig config, List<Candidate> cands, int limit, long seed) {
        return run(config, cands, limit, seed, true);
    }

    private List<Candidate> run(RerankConfig config, List<Candidate> cands, int limit, long seed, boolean explain) {
        FeedQuery q = CATALOG.world.query("visitor", limit, Catalog.NOW, seed, explain, cands, batch);
        RerankStage stage = RerankStage.standard(config, BlockList.empty(), CATALOG.world.store.languages(),
                ItemEmbeddings.NONE);
        return stage.apply(q, cands);
    }

    private void assertRulesHoldAt(List<Candidate> page, int p, RerankConfig config) {
        VideoFeatureBatch v = batch;
        int creator = v.creator(page.get(p).row());
        int inWindow = 0;
        for (int q = Math.max(0, p - config.creatorWindow() + 1); q <= p; q++) {
            inWindow += v.creator(page.get(q).row()) == creator ? 1 : 0;
        }
        int onPageSoFar = 0;
        for (int q = 0; q <= p; q++) {
            onPageSoFar += v.creator(page.get(q).row()) == creator ? 1 : 0;
        }
        int run = 1;
        int category = v.category(page.get(p).row());
        for (int q = p - 1; q >= 0 && v.category(page.get(q).row()) == category; q--) {
            run++;
        }
        assertThat(inWindow).as("creator %d in the window ending at %d", creator, p).isLessThanOrEqualTo(config.maxPerCreatorInWindow());
        assertThat(onPageSoFar).as("creator %d on the page up to %d", creator, p).isLessThanOrEqualTo(config.maxPerCreatorPerPage());
        assertThat(run).as("category run ending at %d", p).isLessThanOrEqualTo(config.maxSameCategoryRun());
    }

    private static int indexOf(int video) {
        for (int i = 0; i < CATALOG.videos.length; i++) {
            if (CATALOG.videos[i] == video) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a catalogue video: " + video);
    }
}
