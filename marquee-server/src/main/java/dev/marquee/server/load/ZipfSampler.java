package dev.marquee.server.load;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with P(k) ∝ 1/(k+1)^s (Zipf's law), by inverting a precomputed CDF with binary search:
 * O(n) memory once, O(log n) per draw, no allocation. Rank 0 is the most active user.
 */
final class ZipfSampler {
    private final double[] cdf;

    ZipfSampler(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one item to sample, got " + n);
        }
        cdf = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / Math.pow(k + 1, exponent);
            cdf[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cdf[k] /= sum;
        }
        cdf[n - 1] = 1.0;
    }

    int next(SplittableRandom random) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return i >= 0 ? i : Math.min(-i - 1, cdf.length - 1);
    }

    int size() {
        return cdf.length;
    }
}
