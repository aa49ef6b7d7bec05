package dev.marquee.server.experiment;

/** A point estimate with its 95% confidence interval. */
public record Estimate(double value, double low, double high) {
    public boolean contains(double x) {
        return x >= low && x <= high;
    }

    /** Whether the two intervals do not overlap (a conservative significance check). */
    public boolean separatedFrom(Estimate o) {
        return high < o.low || o.high < low;
    }
}
