package dev.marquee.training.eval;

import dev.marquee.features.UserFeatures;

/**
 * {@code oracle-affinity}: the upper reference of what a personal ranker could do if exposure did not matter — each
 * user's unseen videos by their true expected long views if shown ({@link TrueEngagement}), as sim's
 * {@code OraclePolicy} ranks them. Offline it is not the ceiling: the holdout's long views also need the logging
 * policy to have shown the video (see {@link OracleExposurePolicy}).
 */
final class OracleAffinityPolicy implements HoldoutPolicy {
    /** Candidates kept before the seen filter: enough that filtering never leaves fewer than a page. */
    static final int DEPTH = 200;
    private final TrueEngagement truth;

    OracleAffinityPolicy(TrueEngagement truth) {
        this.truth = truth;
    }

    @Override
    public String name() {
        return "oracle-affinity";
    }

    @Override
    public int[] order(int index, String userId, UserFeatures user) {
        return TrueEngagement.top(truth.longViewsIfShown(userId), DEPTH);
    }
}
