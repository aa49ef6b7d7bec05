package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import java.util.List;

/**
 * The MMR term of maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998): weight × the highest
 * cosine similarity (floored at 0) between a candidate and the items already on the page. Computed lazily
 * and incrementally: each candidate remembers how many placed items it has been compared with, so a position
 * only compares against the newly placed ones. Candidates without an embedding get no penalty.
 */
final class SimilarityPenalty {
    private final double weight;
    private final float[][] vectors;
    private final double[] norms;
    private final double[] maxSim;
    private final int[] comparedUpTo;

    SimilarityPenalty(double weight, List<Candidate> ranked, ItemEmbeddings embeddings) {
        int n = ranked.size();
        this.weight = weight;
        this.vectors = new float[n][];
        this.norms = new double[n];
        this.maxSim = new double[n];
        this.comparedUpTo = new int[n];
        int dim = -1;
        for (int i = 0; i < n; i++) {
            float[] v = embeddings.embedding(ranked.get(i).video());
            if (v == null) {
                continue;
            }
            if (dim >= 0 && v.length != dim) {
                throw new IllegalArgumentException("item embeddings differ in length: " + dim + " vs " + v.length
                        + " (video " + ranked.get(i).video() + ")");
            }
            dim = v.length;
            vectors[i] = v;
            norms[i] = Math.sqrt(dot(v, v));
        }
    }

    /** Penalty of candidate {@code i} given {@code placed[0..p)} (score ranks of the placed items). */
    double penalty(int i, int[] placed, int p) {
        float[] v = vectors[i];
        if (v == null || norms[i] == 0.0) {
            return 0.0;
        }
        double best = maxSim[i];
        for (int q = comparedUpTo[i]; q < p; q++) {
            int j = placed[q];
            float[] w = vectors[j];
            if (w != null && norms[j] > 0.0) {
                best = Math.max(best, dot(v, w) / (norms[i] * norms[j]));
            }
        }
        maxSim[i] = best;
        comparedUpTo[i] = p;
        return weight * best;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0.0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
