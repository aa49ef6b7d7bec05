package dev.marquee.models.ranker;

import java.util.Arrays;

/**
 * Area under the ROC curve by the rank-sum (Mann–Whitney U) statistic, ties given half credit. Labels
 * &gt;= 0.5 count as positives. Reads one head out of row-major {@code rows × stride} arrays.
 */
public final class BinaryAuc {
    private BinaryAuc() {
    }

    /** AUC of column {@code head}; NaN when only one class is present. */
    public static double of(float[] scores, float[] labels, int rows, int stride, int head) {
        Integer[] order = new Integer[rows];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(scores[a * stride + head], scores[b * stride + head]));
        double rankSumPositives = 0;
        long positives = 0;
        int i = 0;
        while (i < rows) {
            int j = i;
            float s = scores[order[i] * stride + head];
            while (j < rows && scores[order[j] * stride + head] == s) {
                j++;
            }
            double averageRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (labels[order[k] * stride + head] >= 0.5f) {
                    rankSumPositives += averageRank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = rows - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
