package dev.marquee.features;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * A user's decayed affinities to creators or categories (dense ids) as of the read time, sorted by
 * decreasing score. Bounded per user (see {@link FeatureStoreConfig}), so lookups scan a short array.
 *
 * @param ids    dense creator or category ids, strongest first
 * @param scores decayed engagement weight (see {@link FeatureStoreConfig} for the per-signal weights)
 */
public record Affinities(int[] ids, double[] scores) {
    public static final Affinities EMPTY = new Affinities(new int[0], new double[0]);

    public Affinities {
        if (ids.length != scores.length) {
            throw new IllegalArgumentException("ids and scores differ in length");
        }
    }

    /** Score of {@code id}, 0 when the user never engaged with it (or it was evicted as the weakest). */
    public double get(int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return scores[i];
            }
        }
        return 0.0;
    }

    public int size() {
        return ids.length;
    }

    static Affinities fromTopK(SpaceSavingTopK topK, long now) {
        if (topK == null || topK.size() == 0) {
            return EMPTY;
        }
        int n = topK.size();
        int[] ids = new int[n];
        double[] scores = new double[n];
        int k = topK.top(n, now, ids, scores, 0);
        if (k < n) {
            ids = IntArrays.trim(ids, k);
            scores = java.util.Arrays.copyOf(scores, k);
        }
        return new Affinities(ids, scores);
    }
}
