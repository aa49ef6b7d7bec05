package dev.marquee.feed.rerank;

/**
 * The standard normal CDF Φ(z) = (1 + erf(z/√2)) / 2 with erf from Abramowitz and Stegun 7.1.26 (absolute
 * error ≤ 1.5·10⁻⁷): one exp and a degree-5 polynomial, no allocation.
 */
final class NormalCdf {
    private static final double P = 0.3275911;
    private static final double A1 = 0.254829592;
    private static final double A2 = -0.284496736;
    private static final double A3 = 1.421413741;
    private static final double A4 = -1.453152027;
    private static final double A5 = 1.061405429;

    /** Above this z, Φ(z) rounds to 1 within 2·10⁻⁸ and callers may skip the call. */
    static final double ONE_ABOVE = 5.5;

    private NormalCdf() {
    }

    static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2.0);
        double t = 1.0 / (1.0 + P * x);
        double erf = 1.0 - ((((A5 * t + A4) * t + A3) * t + A2) * t + A1) * t * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1.0 + erf) : 0.5 * (1.0 - erf);
    }
}
