package dev.marquee.training.eval;

import java.util.BitSet;

/**
 * Top-K metrics of one ranked list against one user's binary relevance set, as in the offline protocols of
 * Järvelin &amp; Kekäläinen (TOIS 2002, NDCG with log2 discount) and Voorhees (TREC-8, reciprocal rank). A video
 * repeated in the list counts once, at its first position (a policy showing it twice earns nothing for the
 * repeat). K larger than the list just looks at the whole list; the ideal DCG uses min(K, |relevant|) hits.
 * Callers skip users with no relevant video: every metric is undefined for them (this class throws).
 */
public final class RankedListMetrics {
    private RankedListMetrics() {
    }

    /** Hits in the first {@code k} of {@code ranked[0..length)} ÷ |relevant|. */
    public static double recall(int[] ranked, int length, BitSet relevant, int k) {
        int n = requireRelevant(relevant);
        return (double) hits(ranked, length, relevant, k) / n;
    }

    /** 1 when any of the first {@code k} is relevant, else 0. */
    public static double hit(int[] ranked, int length, BitSet relevant, int k) {
        requireRelevant(relevant);
        return hits(ranked, length, relevant, k) > 0 ? 1 : 0;
    }

    /** Binary-gain NDCG@k: Σ 1/log2(i+2) over hits at 0-based position i, ÷ the same for a perfect list. */
    public static double ndcg(int[] ranked, int length, BitSet relevant, int k) {
        int n = requireRelevant(relevant);
        double dcg = 0;
        int end = Math.min(k, length);
        BitSet seen = new BitSet();
        for (int i = 0; i < end; i++) {
            int v = ranked[i];
            if (relevant.get(v) && !seen.get(v)) {
                dcg += discount(i);
            }
            seen.set(v);
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, n); i++) {
            ideal += discount(i);
        }
        return dcg / ideal;
    }

    /** 1 / (1-based position of the first relevant video within the first {@code k}), 0 when none. */
    public static double reciprocalRank(int[] ranked, int length, BitSet relevant, int k) {
        requireRelevant(relevant);
        for (int i = 0; i < Math.min(k, length); i++) {
            if (relevant.get(ranked[i])) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    static int hits(int[] ranked, int length, BitSet relevant, int k) {
        int hits = 0;
        BitSet seen = new BitSet();
        for (int i = 0; i < Math.min(k, length); i++) {
            int v = ranked[i];
            if (relevant.get(v) && !seen.get(v)) {
                hits++;
            }
            seen.set(v);
        }
        return hits;
    }

    private static double discount(int position) {
        return 1 / (Math.log(position + 2) / Math.log(2));
    }

    private static int requireRelevant(BitSet relevant) {
        int n = relevant.cardinality();
        if (n == 0) {
            throw new IllegalArgumentException("the user has no relevant video: ranking metrics are undefined; skip the user");
        }
        return n;
    }
}
