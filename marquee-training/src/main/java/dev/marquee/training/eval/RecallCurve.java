package dev.marquee.training.eval;

/**
 * Mean per-user Recall@K of one candidate list (a source alone, the merged set, a baseline) at each K of
 * {@link RecallAccumulator#KS}, over {@code users} users with relevant videos.
 */
public record RecallCurve(int[] ks, double[] recall, int users) {
    public RecallCurve {
        if (ks.length != recall.length) {
            throw new IllegalArgumentException(ks.length + " Ks for " + recall.length + " values");
        }
    }

    /** Recall at {@code k}, which must be one of {@link #ks()}. */
    public double at(int k) {
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] == k) {
                return recall[i];
            }
        }
        throw new IllegalArgumentException("recall was not measured at K=" + k);
    }
}
