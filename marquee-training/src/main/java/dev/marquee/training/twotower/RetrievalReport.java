package dev.marquee.training.twotower;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Holdout retrieval quality. Recall@K is per user (hits among the user's new holdout long views ÷ their count),
 * averaged over users, for the two-tower source and the most-popular baseline. The cold-start slice is over
 * (user, video) pairs at {@code sliceK}: videos uploaded in the holdout ("new", never trained on) against older
 * videos bucketed by the same holdout popularity, and {@code matchedOldRecall} re-weights the old buckets by
 * the new videos' popularity mix, so the ratio compares like with like.
 */
public record RetrievalReport(int users, long pairs, int[] ks, double[] twoTowerRecall, double[] popularRecall,
                              int sliceK, List<Slice> slices, long newPairs, double newRecall, double matchedOldRecall) {

    /** One holdout-popularity bucket: pairs and two-tower recall at {@code sliceK} for new and old videos. */
    public record Slice(String popularity, long newPairs, double newRecall, long oldPairs, double oldRecall) {
    }

    public RetrievalReport {
        slices = List.copyOf(slices);
    }

    /** Recall of the two-tower source at {@code k} (one of {@link #ks()}). */
    public double twoTowerRecall(int k) {
        return twoTowerRecall[indexOf(k)];
    }

    public double popularRecall(int k) {
        return popularRecall[indexOf(k)];
    }

    /** New-video recall ÷ popularity-matched old-video recall (NaN when there is no old recall to compare to). */
    public double newToOldRatio() {
        return matchedOldRecall > 0 ? newRecall / matchedOldRecall : Double.NaN;
    }

    private int indexOf(int k) {
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] == k) {
                return i;
            }
        }
        throw new IllegalArgumentException("recall was not measured at K=" + k);
    }

    /** Finite metrics by name for the registry manifest and JSON output. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < ks.length; i++) {
            m.put("recall@" + ks[i], twoTowerRecall[i]);
            m.put("popular_recall@" + ks[i], popularRecall[i]);
        }
        m.put("new_video_recall@" + sliceK, newRecall);
        m.put("matched_old_video_recall@" + sliceK, matchedOldRecall);
        if (Double.isFinite(newToOldRatio())) {
            m.put("new_to_old_recall_ratio@" + sliceK, newToOldRatio());
        }
        m.put("holdout_users", (double) users);
        m.put("holdout_pairs", (double) pairs);
        return m;
    }

    /** A plain-text table: recall by K, then the new-vs-old slice. */
    public String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "holdout: %d users, %d (user, video) long views%n", users, pairs));
        s.append(String.format(Locale.ROOT, "%-8s %10s %10s %8s%n", "K", "two-tower", "popular", "ratio"));
        for (int i = 0; i < ks.length; i++) {
            s.append(String.format(Locale.ROOT, "%-8d %10.4f %10.4f %8.2f%n", ks[i], twoTowerRecall[i], popularRecall[i],
                    twoTowerRecall[i] / Math.max(1e-12, popularRecall[i])));
        }
        s.append(String.format(Locale.ROOT, "two-tower recall@%d by holdout popularity (long-viewers in the holdout):%n", sliceK));
        s.append(String.format(Locale.ROOT, "%-10s %10s %10s %10s %10s%n", "viewers", "new pairs", "new rec", "old pairs", "old rec"));
        for (Slice x : slices) {
            s.append(String.format(Locale.ROOT, "%-10s %10d %10.4f %10d %10.4f%n", x.popularity(), x.newPairs(),
                    x.newRecall(), x.oldPairs(), x.oldRecall()));
        }
        s.append(String.format(Locale.ROOT, "new videos: recall %.4f over %d pairs; popularity-matched old: %.4f; ratio %.2f%n",
                newRecall, newPairs, matchedOldRecall, newToOldRatio()));
        return s.toString();
    }
}
