package dev.marquee.feed.rerank;

import java.util.random.RandomGenerator;

/**
 * Beta(a, b) variates as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). Gamma by Marsaglia and Tsang, "A Simple
 * Method for Generating Gamma Variables" (ACM TOMS 26(3), 2000): for shape ≥ 1, d = a − 1/3, c = 1/√(9d),
 * v = (1 + cZ)³ with Z standard normal, accepted with the squeeze u < 1 − 0.0331 Z⁴ or the exact log test;
 * for shape &lt; 1 the boost Gamma(a) = Gamma(a + 1) · U^(1/a). Both gammas underflowing to zero (tiny
 * shapes) returns the limit distribution: 1 with probability a / (a + b), else 0. Allocation-free; the
 * caller supplies the seeded generator, so draws replay exactly.
 */
final class BetaSampler {
    private BetaSampler() {
    }

    static double beta(RandomGenerator random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        double sum = x + y;
        if (sum == 0.0) {
            return random.nextDouble() < a / (a + b) ? 1.0 : 0.0;
        }
        return x / sum;
    }

    static double gamma(RandomGenerator random, double shape) {
        if (!(shape > 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("gamma shape must be finite and > 0, got " + shape);
        }
        if (shape < 1.0) {
            double u = 1.0 - random.nextDouble();
            return gamma(random, shape + 1.0) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            double u = random.nextDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2) {
                return d * v;
            }
            if (Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
