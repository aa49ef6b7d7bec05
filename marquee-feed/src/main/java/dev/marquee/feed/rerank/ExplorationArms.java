package dev.marquee.feed.rerank;

import java.util.random.RandomGenerator;

/**
 * The arms competing for one request's exploration slots: each arm's Beta posterior of the long-view rate,
 * and which arms already won a slot. Picks arms by Thompson sampling (Thompson 1933; Chapelle and Li, "An
 * Empirical Evaluation of Thompson Sampling", NIPS 2011) or epsilon-greedy, and estimates each pick's
 * propensity. Per-request, single-threaded, allocation-free after construction.
 */
final class ExplorationArms {
    static final double MIN_PROPENSITY = 1e-4;
    private final double[] alpha;
    private final double[] beta;
    private final boolean[] taken;
    private final double[] mean;
    private final double[] sd;
    private final int size;
    private int remaining;

    ExplorationArms(double[] alpha, double[] beta, int size) {
        this.alpha = alpha;
        this.beta = beta;
        this.size = size;
        this.taken = new boolean[size];
        this.mean = new double[size];
        this.sd = new double[size];
        for (int j = 0; j < size; j++) {
            double n = alpha[j] + beta[j];
            mean[j] = alpha[j] / n;
            sd[j] = Math.sqrt(alpha[j] * beta[j] / (n * n * (n + 1.0)));
        }
        this.remaining = size;
    }

    int remaining() {
        return remaining;
    }

    /** Thompson: one Beta draw per free arm, the best draw wins; its value goes to {@code sampled[0]}. */
    int thompson(RandomGenerator random, double[] sampled) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < size; j++) {
            if (!taken[j]) {
                double v = BetaSampler.beta(random, alpha[j], beta[j]);
                if (v > bestValue) {
                    bestValue = v;
                    best = j;
                }
            }
        }
        sampled[0] = bestValue;
        return take(best);
    }

    /**
     * Epsilon-greedy: with probability ε a uniformly random free arm, else the best posterior mean. Writes the
     * arm's posterior mean to {@code out[0]} and its exact propensity ε/m + (1 − ε)·[greedy arm] to {@code out[1]}.
     */
    int epsilonGreedy(RandomGenerator random, double epsilon, double[] out) {
        int greedy = -1;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < size; j++) {
            if (!taken[j] && mean[j] > bestMean) {
                bestMean = mean[j];
                greedy = j;
            }
        }
        int chosen = greedy;
        if (random.nextDouble() < epsilon) {
            int k = random.nextInt(remaining);
            for (int j = 0; j < size; j++) {
                if (!taken[j] && k-- == 0) {
                    chosen = j;
                    break;
                }
            }
        }
        out[0] = mean[chosen];
        out[1] = epsilon / remaining + (chosen == greedy ? 1.0 - epsilon : 0.0);
        return take(chosen);
    }

    /**
     * Propensities of sequential Thompson picks by conditional Monte Carlo (Rao-Blackwellisation): pick k won
     * because its draw x beat every arm free at step k (all but picks 0..k−1), so
     * P(k wins) = E over x ~ Beta(α_k, β_k) of Π_j F_j(x), with F_j arm j's Beta CDF. x is drawn exactly
     * {@code rounds} times; each F_j is a normal approximation of the Beta (same mean and variance), accurate
     * for the category-prior posteriors here (α + β ≥ the prior strength, 50 by default). Compared with
     * counting wins over full re-draws this needs {@code rounds} draws instead of {@code rounds × arms}, has far
     * lower variance and never returns 0; the result is floored at {@value #MIN_PROPENSITY} so inverse-propensity
     * weights stay bounded.
     */
    void thompsonPropensities(RandomGenerator random, int[] picks, int count, int rounds, double[] out) {
        for (int k = 0; k < count; k++) {
            int arm = picks[k];
            double sum = 0.0;
            for (int r = 0; r < rounds; r++) {
                double x = BetaSampler.beta(random, alpha[arm], beta[arm]);
                double product = 1.0;
                for (int j = 0; j < size && product > 0.0; j++) {
                    double z = (x - mean[j]) / sd[j];
                    if (z < NormalCdf.ONE_ABOVE && j != arm && !pickedBefore(j, picks, k)) {
                        product *= NormalCdf.phi(z);
                    }
                }
                sum += product;
            }
            out[k] = Math.max(MIN_PROPENSITY, sum / rounds);
        }
    }

    double alpha(int arm) {
        return alpha[arm];
    }

    double beta(int arm) {
        return beta[arm];
    }

    private int take(int arm) {
        taken[arm] = true;
        remaining--;
        return arm;
    }

    private static boolean pickedBefore(int arm, int[] picks, int k) {
        for (int i = 0; i < k; i++) {
            if (picks[i] == arm) {
                return true;
            }
        }
        return false;
    }
}
