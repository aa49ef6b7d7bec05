package dev.marquee.training.registry;

/**
 * One holdout metric the gate compares, which way is better, and how much worse than the serving version a
 * candidate may be (absolute, in the metric's units) before it is rejected. A small tolerance absorbs
 * holdout noise, since each run evaluates on a different temporal holdout.
 */
public record MetricRule(String metric, Direction direction, double tolerance) {
    /** Whether larger values of the metric are better (AUC, recall, NDCG) or smaller ones (logloss). */
    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    public MetricRule {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("metric name must be non-blank");
        }
        if (direction == null) {
            throw new IllegalArgumentException("metric " + metric + " needs a direction");
        }
        if (!Double.isFinite(tolerance) || tolerance < 0) {
            throw new IllegalArgumentException("tolerance of " + metric + " must be finite and >= 0, got " + tolerance);
        }
    }

    public static MetricRule higherIsBetter(String metric, double tolerance) {
        return new MetricRule(metric, Direction.HIGHER_IS_BETTER, tolerance);
    }

    public static MetricRule lowerIsBetter(String metric, double tolerance) {
        return new MetricRule(metric, Direction.LOWER_IS_BETTER, tolerance);
    }

    /** How much worse {@code candidate} is than {@code baseline}; negative when it is better. */
    public double regression(double candidate, double baseline) {
        return direction == Direction.HIGHER_IS_BETTER ? baseline - candidate : candidate - baseline;
    }

    /** True when {@code candidate} is at most {@code tolerance} worse than {@code baseline}. */
    public boolean accepts(double candidate, double baseline) {
        return regression(candidate, baseline) <= tolerance;
    }
}
