package dev.marquee.feed.retrieval;

import dev.marquee.ann.Neighbours;
import dev.marquee.models.twotower.FreshTierPolicy;

/**
 * The one merge of two-tower retrieval's tiers, shared by serving ({@link TwoTowerCandidateSource}) and offline
 * evaluation (the training job's holdout Recall@K): the trained tier's results (full-path scores) and the fresh
 * tier's (content-only scores, mapped by the policy's calibration), both best first, merged by score, ties to the
 * trained tier. The fresh tier fills at most {@link FreshTierPolicy#quota(int)} of the {@code k} slots unless the
 * trained tier runs out first. Returned scores are on the trained tier's scale.
 */
public final class FreshTierMerge {
    private FreshTierMerge() {
    }

    /** The top {@code k} of both tiers under {@code policy}; {@code trained} alone when policy is null. */
    public static Neighbours merge(Neighbours trained, Neighbours fresh, int k, FreshTierPolicy policy) {
        if (policy == null || fresh.size() == 0) {
            return trained.size() <= k ? trained : head(trained, k);
        }
        int quota = policy.quota(k);
        int m = Math.min(k, trained.size() + fresh.size());
        int[] ids = new int[m];
        float[] scores = new float[m];
        int i = 0, j = 0, r = 0;
        while (r < m) {
            boolean freshLeft = j < fresh.size() && (j < quota || i >= trained.size());
            float sf = freshLeft ? policy.calibration().apply(fresh.score(j)) : Float.NEGATIVE_INFINITY;
            if (i < trained.size() && (!freshLeft || trained.score(i) >= sf)) {
                ids[r] = trained.id(i);
                scores[r++] = trained.score(i++);
            } else if (freshLeft) {
                ids[r] = fresh.id(j++);
                scores[r++] = sf;
            } else {
                break;
            }
        }
        return r == m ? new Neighbours(ids, scores)
                : new Neighbours(java.util.Arrays.copyOf(ids, r), java.util.Arrays.copyOf(scores, r));
    }

    private static Neighbours head(Neighbours n, int k) {
        return new Neighbours(java.util.Arrays.copyOf(n.ids(), k), java.util.Arrays.copyOf(n.scores(), k));
    }
}
