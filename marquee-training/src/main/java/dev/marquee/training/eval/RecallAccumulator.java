package dev.marquee.training.eval;

import java.util.BitSet;
import java.util.function.IntFunction;

/** Accumulates one candidate list's Recall@K at every K of {@link #KS}, user by user. */
public final class RecallAccumulator {
    /** Cut-offs of the retrieval table and the recall@K curves. */
    public static final int[] KS = {10, 20, 50, 100, 200, 500, 1000};

    private final double[] sums = new double[KS.length];
    private int users;

    /** Adds one user's list (best first, any length; K beyond it sees the whole list). */
    public void add(int[] ranked, int length, BitSet relevant) {
        addPerK(k -> java.util.Arrays.copyOf(ranked, length), relevant);
    }

    /**
     * Adds one user whose list depends on K ({@code listForK} gives the list whose first K entries count at K),
     * e.g. a merge aimed at K candidates rather than a prefix of a longer merge.
     */
    public void addPerK(IntFunction<int[]> listForK, BitSet relevant) {
        for (int i = 0; i < KS.length; i++) {
            int[] list = listForK.apply(KS[i]);
            sums[i] += RankedListMetrics.recall(list, list.length, relevant, KS[i]);
        }
        users++;
    }

    /** Position of {@code k} in {@link #KS}. */
    static int indexOf(int k) {
        for (int i = 0; i < KS.length; i++) {
            if (KS[i] == k) {
                return i;
            }
        }
        throw new IllegalArgumentException("K=" + k + " is not one of the measured cut-offs");
    }

    public RecallCurve result() {
        double[] mean = new double[KS.length];
        for (int i = 0; i < KS.length; i++) {
            mean[i] = users == 0 ? 0 : sums[i] / users;
        }
        return new RecallCurve(KS.clone(), mean, users);
    }
}
