package dev.marquee.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Lifetime impression/click/long-view/share totals per group (category or creator) and overall, plus a
 * forward-decayed upload count per group (creator upload frequency). Supplies the Beta priors: the prior
 * mean of a rate in a group is its Laplace-smoothed group rate {@code (min(S, N) + 1) / (N + 2)} with
 * N = impressions and S = successes, and the prior is {@code Beta(κ·μ, κ·(1 − μ))} (fixed strength κ,
 * {@link FeatureStoreConfig#betaPriorStrength()}): a simple empirical-Bayes shrinkage toward the group.
 * One row of {@value #STRIDE} longs per group (4 totals, upload landmark, decayed uploads as double bits)
 * so a read touches one cache line. Writer-only mutation; readers tolerate one event of staleness.
 */
final class GroupStats {
    private static final int STRIDE = VideoColumns.DECAYED_SIGNALS + 2;
    private static final int LANDMARK = VideoColumns.DECAYED_SIGNALS;
    private static final int UPLOADS = LANDMARK + 1;

    private final Decay uploadDecay;
    private final long[] overall = new long[VideoColumns.DECAYED_SIGNALS];
    private long[] rows = new long[0];
    private int groups;

    GroupStats(Decay uploadDecay) {
        this.uploadDecay = uploadDecay;
    }

    private void ensure(int g) {
        if (g < groups) {
            return;
        }
        int capacity = rows.length / STRIDE;
        if (g >= capacity) {
            int len = Math.max(g + 1, Math.max(64, capacity * 2));
            long[] r = Arrays.copyOf(rows, len * STRIDE);
            for (int i = capacity; i < len; i++) {
                r[i * STRIDE + LANDMARK] = Decay.UNSET;
                r[i * STRIDE + UPLOADS] = Double.doubleToRawLongBits(0.0);
            }
            rows = r;
        }
        groups = g + 1;
    }

    /** Counts a signal (one of the decayed {@link VideoColumns} signals) for group {@code g} (-1: overall only). */
    void count(int g, int signal) {
        overall[signal]++;
        if (g >= 0) {
            ensure(g);
            rows[g * STRIDE + signal]++;
        }
    }

    void upload(int g, long uploadedAt) {
        ensure(g);
        int r = g * STRIDE;
        long l = rows[r + LANDMARK];
        double u = Double.longBitsToDouble(rows[r + UPLOADS]);
        if (l == Decay.UNSET) {
            l = uploadedAt;
        } else if (uploadDecay.needsRenormalize(uploadedAt, l)) {
            u *= uploadDecay.factor(uploadedAt, l);
            l = uploadedAt;
        }
        rows[r + LANDMARK] = l;
        rows[r + UPLOADS] = Double.doubleToRawLongBits(u + uploadDecay.weight(uploadedAt, l));
    }

    long total(int g, int signal) {
        long[] r = rows;
        return g >= 0 && g < groups ? r[g * STRIDE + signal] : 0;
    }

    /** Laplace-smoothed rate of {@code signal} per impression in group {@code g}, overall when g is unknown. */
    double priorMean(int g, int signal) {
        long[] r = rows;
        long n;
        long s;
        if (g >= 0 && g < groups && r[g * STRIDE + VideoColumns.IMPRESSION] > 0) {
            n = r[g * STRIDE + VideoColumns.IMPRESSION];
            s = r[g * STRIDE + signal];
        } else {
            n = overall[VideoColumns.IMPRESSION];
            s = overall[signal];
        }
        return (Math.min(s, n) + 1.0) / (n + 2.0);
    }

    /** Uploads per day of group {@code g} at {@code now} (decayed count converted to a steady rate). */
    double uploadsPerDay(int g, long now) {
        long[] r = rows;
        if (g < 0 || g >= groups || r[g * STRIDE + LANDMARK] == Decay.UNSET) {
            return 0.0;
        }
        double decayed = Double.longBitsToDouble(r[g * STRIDE + UPLOADS]) * uploadDecay.factor(now, r[g * STRIDE + LANDMARK]);
        return uploadDecay.toRate(decayed, 86_400_000L);
    }

    long estimateBytes() {
        return 128 + 8L * rows.length;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(groups);
        for (long o : overall) {
            out.writeLong(o);
        }
        for (int i = 0; i < groups * STRIDE; i++) {
            out.writeLong(rows[i]);
        }
    }

    void readFrom(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("snapshot corrupt: group count " + n);
        }
        for (int s = 0; s < overall.length; s++) {
            overall[s] = in.readLong();
        }
        if (n > 0) {
            ensure(n - 1);
        }
        for (int i = 0; i < n * STRIDE; i++) {
            rows[i] = in.readLong();
        }
    }
}
