package dev.marquee.training.eval;

import dev.marquee.features.UserFeatures;

/**
 * {@code oracle-holdout-popular}: the most long-viewed videos <em>during</em> the holdout, the same list for every
 * user. It knows the future counts but nothing personal, so it bounds what any non-personal chart can score; the
 * gap to {@link OracleExposurePolicy} is what personalization could add on top of perfect exposure knowledge.
 */
final class HindsightPopularPolicy implements HoldoutPolicy {
    private final int[] order;

    /** @param order dense ids by holdout long views, most first */
    HindsightPopularPolicy(int[] order) {
        this.order = order;
    }

    @Override
    public String name() {
        return "oracle-holdout-popular";
    }

    @Override
    public int[] order(int index, String userId, UserFeatures user) {
        return order;
    }
}
