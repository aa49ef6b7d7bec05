package dev.marquee.training.eval;

import dev.marquee.features.UserFeatures;

/**
 * An extra ranking policy {@link HoldoutLoop} measures beside its own: an oracle that knows the synthetic world's
 * hidden truth, or a diagnostic variant of the pipeline. The loop passes the returned order through the same seen
 * filter as every baseline and keeps the first page.
 */
interface HoldoutPolicy {
    /** The key under {@code ranking} in the report. */
    String name();

    /** Dense video ids, best first, for holdout user {@code userId} (the {@code index}-th holdout user). */
    int[] order(int index, String userId, UserFeatures user);
}
