package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Selector;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.VideoFeatureBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gives a share of the page to exploration so new and rarely shown videos earn impressions (a multi-armed
 * bandit over the long-view rate; Thompson sampling as in Chapelle and Li, NIPS 2011).
 *
 * <p>Per request, with a {@link SplittableRandom} seeded from {@link FeedQuery#seed()} (replays exactly):
 * <ol>
 * <li>Order candidates by score (stable). The page has P = min(limit, n) positions.</li>
 * <li>Slot count S = ⌊share·P⌋ plus one more with probability frac(share·P), so the expected share is exact
 *     for any page size; at most P − {@code protectedTopPositions} (no slot in the first positions).</li>
 * <li>Arms: exploration candidates (upload age &lt; {@code explorationMaxAgeHours} or total impressions &lt;
 *     {@code explorationMaxImpressions}) ranked below the top P − S; when there are more than
 *     {@code explorationPoolSize}, a uniform sample of that many (reservoir sampling, Vitter 1985), so a
 *     brand-new video competes whatever its ranker score (the sources already personalised the list). Each
 *     arm's posterior is Beta(longViewAlpha, longViewBeta): the category prior plus its own long views.</li>
 * <li>S distinct positions drawn uniformly from [protectedTopPositions, P); for each, in order, the arm with the
 *     best Beta draw among those still free (or epsilon-greedy). Picks are placed at their slots, tagged with
 *     {@link RerankFeatures#EXPLORATION_SLOT}, explained ({@code "explore: arm … sampled …"}) and given a
 *     propensity: P(in the sampled pool) = arms / eligible, times P(winning the slot | pool), exact for
 *     epsilon-greedy and a conditional Monte Carlo estimate for Thompson ({@link ExplorationArms#thompsonPropensities}).
 *     Everything else keeps score order and propensity 1.0 (deterministic given the slot count).</li>
 * </ol>
 */
public final class ExplorationSelector implements Selector {
    public static final ComponentId ID = ComponentId.of("exploration");
    private static final long SEED_SALT = 0x5DEECE66DL * 0x9E3779B97F4A7C15L;

    private final RerankConfig config;

    public ExplorationSelector(RerankConfig config) {
        this.config = config;
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public List<Candidate> select(FeedQuery query, List<Candidate> candidates) {
        List<Candidate> ranked = ScoreOrder.byScore(candidates, ID);
        int n = ranked.size();
        int page = Math.min(query.limit(), n);
        SplittableRandom random = new SplittableRandom(query.seed() ^ SEED_SALT);
        int slots = slotCount(page, random);
        if (slots == 0) {
            return ranked;
        }
        VideoFeatureBatch videos = query.features().get(FeedFeatures.VIDEOS);
        ExplorationPool pool = ExplorationPool.sample(ranked, page - slots, videos, config, random, ID);
        slots = Math.min(slots, pool.size());
        if (slots == 0) {
            return ranked;
        }
        int[] positions = slotPositions(page, slots, random);
        int[] picks = new int[slots];
        double[] sampled = new double[slots];
        double[] propensity = new double[slots];
        pick(pool.arms(), random, picks, sampled, propensity);
        for (int k = 0; k < slots; k++) {
            int arm = picks[k];
            picks[k] = pool.ranks()[arm];
            Candidate c = ranked.get(picks[k]);
            double p = propensity[k] * pool.inclusionProbability();
            c.propensity(p);
            c.features().put(RerankFeatures.EXPLORATION_SLOT, positions[k]);
            c.decide("explore: arm " + c.video() + (config.explorationMode() == ExplorationMode.THOMPSON
                    ? " sampled " : " posterior mean ") + (float) sampled[k] + " from Beta("
                    + (float) pool.arms().alpha(arm) + ", " + (float) pool.arms().beta(arm) + "), rank "
                    + picks[k] + " of " + ranked.size() + ", slot " + positions[k] + ", propensity " + (float) p);
        }
        return place(ranked, positions, picks);
    }

    private int slotCount(int page, SplittableRandom random) {
        double expected = config.explorationShare() * page;
        int slots = (int) expected;
        if (random.nextDouble() < expected - slots) {
            slots++;
        }
        return Math.max(0, Math.min(slots, page - config.protectedTopPositions()));
    }

    /** Partial Fisher-Yates over [protected, page): S distinct positions, returned ascending. */
    private int[] slotPositions(int page, int slots, SplittableRandom random) {
        int first = config.protectedTopPositions();
        int[] open = new int[page - first];
        for (int i = 0; i < open.length; i++) {
            open[i] = first + i;
        }
        for (int i = 0; i < slots; i++) {
            int j = i + random.nextInt(open.length - i);
            int t = open[i];
            open[i] = open[j];
            open[j] = t;
        }
        int[] chosen = Arrays.copyOf(open, slots);
        Arrays.sort(chosen);
        return chosen;
    }

    private void pick(ExplorationArms arms, SplittableRandom random, int[] picks, double[] sampled,
                      double[] propensity) {
        double[] out = new double[2];
        for (int k = 0; k < picks.length; k++) {
            if (config.explorationMode() == ExplorationMode.THOMPSON) {
                picks[k] = arms.thompson(random, out);
            } else {
                picks[k] = arms.epsilonGreedy(random, config.epsilon(), out);
                propensity[k] = out[1];
            }
            sampled[k] = out[0];
        }
        if (config.explorationMode() == ExplorationMode.THOMPSON) {
            arms.thompsonPropensities(random, picks, picks.length, config.propensityDraws(), propensity);
        }
    }

    /** Puts pick k (a score rank) at {@code positions[k]}; the rest fill the other positions in score order. */
    private static List<Candidate> place(List<Candidate> ranked, int[] positions, int[] picks) {
        int n = ranked.size();
        boolean[] picked = new boolean[n];
        for (int rank : picks) {
            picked[rank] = true;
        }
        List<Candidate> out = new ArrayList<>(n);
        int next = 0;
        int slot = 0;
        for (int pos = 0; pos < n; pos++) {
            if (slot < positions.length && positions[slot] == pos) {
                out.add(ranked.get(picks[slot++]));
                continue;
            }
            while (picked[next]) {
                next++;
            }
            out.add(ranked.get(next++));
        }
        return out;
    }
}
