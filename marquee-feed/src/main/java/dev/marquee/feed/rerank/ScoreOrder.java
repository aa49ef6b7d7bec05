package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stable descending sort by score on primitive keys: each candidate becomes one long, the order-preserving
 * bits of its score rounded to a float, inverted, in the high half and its input index in the low half, so
 * {@link Arrays#sort(long[])} yields descending score with ties in input order. A final insertion pass on
 * the exact double scores (linear on this almost sorted order) fixes scores that differ below float
 * precision. Several times faster than a comparator over the objects for 500 candidates.
 */
final class ScoreOrder {
    private ScoreOrder() {
    }

    /** A new list of {@code candidates} by descending score, stable; throws on a NaN score. */
    static List<Candidate> byScore(List<Candidate> candidates, Object caller) {
        int n = candidates.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            double score = candidates.get(i).score();
            if (Double.isNaN(score)) {
                throw new IllegalArgumentException(caller + ": candidate video " + candidates.get(i).video()
                        + " has a NaN score");
            }
            int bits = Float.floatToIntBits((float) score);
            int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
            keys[i] = ((long) ~sortable << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keys[i];
            scores[i] = candidates.get(order[i]).score();
        }
        for (int i = 1; i < n; i++) {
            double s = scores[i];
            int o = order[i];
            int j = i - 1;
            while (j >= 0 && scores[j] < s) {
                scores[j + 1] = scores[j];
                order[j + 1] = order[j];
                j--;
            }
            scores[j + 1] = s;
            order[j + 1] = o;
        }
        List<Candidate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(candidates.get(order[i]));
        }
        return out;
    }
}
