package dev.marquee.training.eval;

import java.util.List;

/** The definitions printed with every report, so a number is never read without its protocol. */
final class EvalNotes {
    private EvalNotes() {
    }

    static List<String> of(EvalConfig config, int stride, int newUserMaxEngagements) {
        return List.of(
                "holdout: the log's last " + config.holdoutDays() + " UTC day(s); models, features and popularity use "
                        + "only earlier events; every list is produced as of the holdout start",
                "relevant: videos a user watched > 30 s in the holdout and had not long-viewed before it; videos "
                        + "uploaded during the holdout stay in the denominator although no list can hold them",
                "retrieval: each source alone with a 1,000 budget (gates ignored); merged = serving's gated merge "
                        + "aimed at K candidates (quotas scaled to K); popular = most long views before the holdout",
                "retrieval_new_users: the same lists over the evaluated users with fewer than " + newUserMaxEngagements
                        + " clicks, views and shares before the holdout (those serving's new-user gate opens for)",
                "ranking: each policy's top " + config.pageSize() + " videos the seen filter keeps (not long-viewed, not "
                        + "shown > 3 times in the last 24 h); marquee = the full pipeline "
                        + "(sources, merge, seen filter, multi-task ranker, exploration, diversity); marquee-no-explore = the "
                        + "same with exploration off; marquee-no-ranker = scored by trending order instead of the ranker; NDCG is binary-gain",
                "heads: AUC / log loss on the holdout's logged impressions (features as logged, point-in-time)",
                stride > 1 ? "users: every " + stride + "-th holdout user (cap " + config.maxUsers() + ")"
                        : "users: every holdout user");
    }
}
