package dev.marquee.training.ranker;

import dev.marquee.models.ranker.RankerHeads;
import java.util.Arrays;

/**
 * NDCG@k over the logged pages (Järvelin &amp; Kekäläinen, TOIS 2002): each request's impressions are
 * re-ordered by a scorer and compared with the ideal order of their graded gains, gain = w_click·click +
 * w_watch·watch30 + w_share·share (the serving score's utility). Pages without any engagement are skipped
 * (every order is ideal). Ties keep logged row order. Rows of one request need not be contiguous.
 */
final class PageNdcg {
    private PageNdcg() {
    }

    /**
     * Mean NDCG@k over pages with a positive gain; {@code scores[r]} ranks row r (higher first).
     *
     * @param labels  rows × 3 labels
     * @param weights gain weights per head
     */
    static double mean(int[] requests, float[] labels, double[] scores, int rows, double[] weights, int k) {
        long[] byRequest = new long[rows];
        for (int r = 0; r < rows; r++) {
            byRequest[r] = ((long) requests[r] << 32) | r;
        }
        Arrays.sort(byRequest);
        int[] members = new int[rows];
        double sum = 0;
        int pages = 0;
        int from = 0;
        while (from < rows) {
            int to = from;
            while (to < rows && (byRequest[to] >>> 32) == (byRequest[from] >>> 32)) {
                members[to - from] = (int) byRequest[to];
                to++;
            }
            double ndcg = page(labels, scores, members, to - from, weights, k);
            if (!Double.isNaN(ndcg)) {
                sum += ndcg;
                pages++;
            }
            from = to;
        }
        return pages == 0 ? Double.NaN : sum / pages;
    }

    /** NDCG@k of the page made of rows {@code members[0..n)} (ascending row order), NaN without gain. */
    private static double page(float[] labels, double[] scores, int[] members, int n, double[] w, int k) {
        Integer[] order = new Integer[n];
        double[] gains = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            int l = members[i] * RankerHeads.COUNT;
            gains[i] = w[0] * labels[l] + w[1] * labels[l + 1] + w[2] * labels[l + 2];
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[members[b]], scores[members[a]]));
        double dcg = 0;
        for (int i = 0; i < Math.min(k, n); i++) {
            dcg += gains[order[i]] / log2(i + 2);
        }
        double[] ideal = gains.clone();
        Arrays.sort(ideal);
        double idcg = 0;
        for (int i = 0; i < Math.min(k, n); i++) {
            idcg += ideal[n - 1 - i] / log2(i + 2);
        }
        return idcg == 0 ? Double.NaN : dcg / idcg;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
