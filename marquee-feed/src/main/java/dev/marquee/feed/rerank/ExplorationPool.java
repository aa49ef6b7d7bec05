package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.features.VideoFeatureBatch;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The exploration arms of one request: a uniform sample (reservoir sampling, Vitter, "Random Sampling with a
 * Reservoir", ACM TOMS 1985) of at most {@code explorationPoolSize} exploration candidates (young or rarely
 * impressed) among the ranks from {@code from} on, with their long-view Beta posteriors.
 *
 * @param ranks    score rank of each arm
 * @param eligible exploration candidates seen (the sample's inclusion probability is arms / eligible)
 * @param arms     the arms' posteriors, ready to pick from
 */
record ExplorationPool(int[] ranks, int eligible, ExplorationArms arms) {

    static ExplorationPool sample(List<Candidate> ranked, int from, VideoFeatureBatch videos, RerankConfig config,
                                  RandomGenerator random, ComponentId reader) {
        int n = ranked.size();
        int[] pool = new int[Math.max(0, Math.min(config.explorationPoolSize(), n - from))];
        int eligible = 0;
        for (int i = from; i < n; i++) {
            int row = CandidateRows.row(ranked.get(i), videos, reader);
            if (videos.uploadAgeHours(row) < config.explorationMaxAgeHours()
                    || videos.impressionsTotal(row) < config.explorationMaxImpressions()) {
                if (eligible < pool.length) {
                    pool[eligible] = i;
                } else {
                    int j = random.nextInt(eligible + 1);
                    if (j < pool.length) {
                        pool[j] = i;
                    }
                }
                eligible++;
            }
        }
        int size = Math.min(eligible, pool.length);
        double[] alpha = new double[size];
        double[] beta = new double[size];
        for (int a = 0; a < size; a++) {
            int row = ranked.get(pool[a]).row();
            alpha[a] = videos.longViewAlpha(row);
            beta[a] = videos.longViewBeta(row);
        }
        return new ExplorationPool(pool, eligible, new ExplorationArms(alpha, beta, size));
    }

    int size() {
        return Math.min(eligible, ranks.length);
    }

    /** Probability that a given exploration candidate made it into the sample. */
    double inclusionProbability() {
        return eligible == 0 ? 0.0 : (double) size() / eligible;
    }
}
