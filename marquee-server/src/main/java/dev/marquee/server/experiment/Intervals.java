package dev.marquee.server.experiment;

/**
 * 95% confidence intervals. Rates: the Wilson score interval (Wilson, JASA 1927), well-behaved for rare events
 * and small counts where the normal (Wald) interval is not. Means: the normal approximation with the sample
 * standard error (the unit is the user, so thousands of users make it accurate). Sign test: two-sided
 * binomial(n, 1/2) p-value, exact below 1,000 trials and a continuity-corrected normal above.
 */
public final class Intervals {
    static final double Z95 = 1.959963984540054;

    private Intervals() {
    }

    public static Estimate wilson(long successes, long n) {
        if (n <= 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN);
        }
        double p = (double) successes / n, z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Estimate(p, successes == 0 ? 0 : Math.max(0, centre - half), successes == n ? 1 : Math.min(1, centre + half));
    }

    public static Estimate mean(double[] values, int n) {
        if (n <= 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        double m = sum / n;
        for (int i = 0; i < n; i++) {
            sq += (values[i] - m) * (values[i] - m);
        }
        double se = n > 1 ? Math.sqrt(sq / (n - 1) / n) : Double.NaN;
        return new Estimate(m, m - Z95 * se, m + Z95 * se);
    }

    /** Two-sided p-value of {@code k} successes in {@code n} fair-coin trials. */
    public static double signTestP(long k, long n) {
        if (n == 0) {
            return 1.0;
        }
        long extreme = Math.min(k, n - k);
        if (n < 1000) {
            double logHalfN = n * Math.log(0.5), tail = 0, logC = 0;
            for (long i = 0; i <= extreme; i++) {
                if (i > 0) {
                    logC += Math.log((double) (n - i + 1) / i);
                }
                tail += Math.exp(logC + logHalfN);
            }
            return Math.min(1.0, 2 * tail);
        }
        double z = (Math.abs(k - n / 2.0) - 0.5) / Math.sqrt(n / 4.0);
        return Math.min(1.0, 2 * (1 - normalCdf(z)));
    }

    /** Φ(x) via the Abramowitz–Stegun 7.1.26 erf approximation (|error| &lt; 1.5e-7). */
    static double normalCdf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-x * x / 2);
        return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
    }
}
