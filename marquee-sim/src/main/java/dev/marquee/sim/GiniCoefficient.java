package dev.marquee.sim;

import java.util.Arrays;

/**
 * Concentration of exposure: the Gini coefficient of non-negative counts, 0 when every entry is equal,
 * → 1 when one entry holds everything. Uses the sorted closed form
 * G = 2·Σ i·x₍ᵢ₎ / (n·Σ x) − (n + 1)/n over ascending x₍₁₎..x₍ₙ₎ (Damgaard &amp; Weiner, "Describing inequality
 * in plant size or fecundity", Ecology 2000), which needs one sort and one pass.
 */
public final class GiniCoefficient {
    private GiniCoefficient() {
    }

    /** Gini of {@code counts[0..n)}; 0 for n = 0 or an all-zero input. Throws for a negative count. */
    public static double of(long[] counts, int n) {
        if (n < 0 || n > counts.length) {
            throw new IllegalArgumentException("n must be in [0, " + counts.length + "], got " + n);
        }
        long[] sorted = Arrays.copyOf(counts, n);
        Arrays.sort(sorted);
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            if (sorted[i] < 0) {
                throw new IllegalArgumentException("counts must be ≥ 0, got " + sorted[i]);
            }
            total += sorted[i];
            weighted += (i + 1) * (double) sorted[i];
        }
        if (total == 0) {
            return 0;
        }
        return 2.0 * weighted / (n * total) - (n + 1.0) / n;
    }
}
