package dev.marquee.training.twotower;

import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates (user, video) hit counts by video age (uploaded in the holdout or before) and holdout-popularity
 * bucket (distinct long-viewers in the holdout: 1, 2–3, 4–7, ..., powers of two).
 */
final class ColdStartSlices {
    private static final int BUCKETS = 8;

    private final long[] newPairs = new long[BUCKETS], newHits = new long[BUCKETS];
    private final long[] oldPairs = new long[BUCKETS], oldHits = new long[BUCKETS];

    static int bucket(int viewers) {
        return Math.min(BUCKETS - 1, 31 - Integer.numberOfLeadingZeros(Math.max(1, viewers)));
    }

    void add(boolean isNew, int viewers, boolean hit) {
        int b = bucket(viewers);
        (isNew ? newPairs : oldPairs)[b]++;
        if (hit) {
            (isNew ? newHits : oldHits)[b]++;
        }
    }

    List<RetrievalReport.Slice> rows() {
        List<RetrievalReport.Slice> rows = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            if (newPairs[b] + oldPairs[b] > 0) {
                rows.add(new RetrievalReport.Slice(label(b), newPairs[b], rate(newHits[b], newPairs[b]),
                        oldPairs[b], rate(oldHits[b], oldPairs[b])));
            }
        }
        return rows;
    }

    long newPairs() {
        long n = 0;
        for (long p : newPairs) {
            n += p;
        }
        return n;
    }

    double newRecall() {
        long hits = 0;
        for (long h : newHits) {
            hits += h;
        }
        return rate(hits, newPairs());
    }

    /** Old-video recall per bucket weighted by the new videos' pairs per bucket (buckets without old pairs skipped). */
    double matchedOldRecall() {
        double weighted = 0;
        long weight = 0;
        for (int b = 0; b < BUCKETS; b++) {
            if (newPairs[b] > 0 && oldPairs[b] > 0) {
                weighted += newPairs[b] * rate(oldHits[b], oldPairs[b]);
                weight += newPairs[b];
            }
        }
        return weight == 0 ? 0 : weighted / weight;
    }

    private static String label(int b) {
        int lo = 1 << b;
        return b == BUCKETS - 1 ? lo + "+" : lo == (2 * lo - 1) ? Integer.toString(lo) : lo + "-" + (2 * lo - 1);
    }

    private static double rate(long hits, long pairs) {
        return pairs == 0 ? 0 : (double) hits / pairs;
    }
}
