package dev.marquee.training.eval;

import dev.marquee.features.UserFeatures;

/**
 * {@code oracle-exposure}: the best list in expectation for the offline ground truth. A holdout long view needs the
 * synthetic world's logging policy (sim's {@code BaselinePolicy}) to show the video and the user to watch it, so
 * each unseen video is scored by its exposure under that policy ({@link BaselineExposure}: share of slots) times the
 * user's true expected long views if shown ({@link TrueEngagement}). Position and repeat-exposure effects are common
 * factors and left out. If this list cannot beat the most-popular chart by some margin, no ranker can on this world.
 */
final class OracleExposurePolicy implements HoldoutPolicy {
    private final String name;
    private final TrueEngagement truth;
    private final double[] exposure;
    private final double[] score;

    /** @param exposure per dense video, the expected share of the logging policy's slots it gets */
    OracleExposurePolicy(String name, TrueEngagement truth, double[] exposure) {
        this.name = name;
        this.truth = truth;
        this.exposure = exposure;
        this.score = new double[exposure.length];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] order(int index, String userId, UserFeatures user) {
        double[] p = truth.longViewsIfShown(userId);
        for (int v = 0; v < score.length; v++) {
            score[v] = p[v] * exposure[v];
        }
        return TrueEngagement.top(score, OracleAffinityPolicy.DEPTH);
    }
}
