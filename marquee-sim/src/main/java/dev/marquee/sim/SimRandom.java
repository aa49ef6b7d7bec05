package dev.marquee.sim;

/**
 * Deterministic random source of the simulation.
 *
 * <p>Design: SplitMix64 (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014), implemented here rather than taken from {@code java.util} so the generated event stream
 * is byte-identical on every JDK; transcendental functions use {@link StrictMath} for the same reason.
 * Independent streams (one per purpose: catalog, schedule of day d, behaviour, ...) come from
 * {@link #stream(long, long, long)} so changing how one stream is consumed never shifts another.
 * Not thread-safe: one instance per consumer.
 */
public final class SimRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    public SimRandom(long seed) {
        this.state = seed;
    }

    /** A generator for stream {@code (purpose, index)} of the world seeded with {@code seed}. */
    public static SimRandom stream(long seed, long purpose, long index) {
        return new SimRandom(mix(mix(seed ^ GOLDEN * (purpose + 1)) + GOLDEN * (index + 1)));
    }

    /** The SplitMix64 finaliser: a bijective 64-bit hash. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound); bound must be positive. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [from, to). */
    public double nextDouble(double from, double to) {
        return from + (to - from) * nextDouble();
    }

    /** Standard normal (Box–Muller, one value per call for a simple, stable consumption pattern). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** Pareto(alpha) with minimum {@code xm}: heavy-tailed, P(X &gt; x) = (xm/x)^alpha. */
    public double nextPareto(double alpha, double xm) {
        return xm / StrictMath.pow(1.0 - nextDouble(), 1.0 / alpha);
    }

    /** Poisson(lambda) by Knuth's product method; meant for small lambda (&lt; 30). */
    public int nextPoisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        double limit = StrictMath.exp(-lambda);
        double product = nextDouble();
        int n = 0;
        while (product > limit) {
            product *= nextDouble();
            n++;
        }
        return n;
    }

    /** Index drawn from a cumulative weight array (last element = total), by binary search. */
    public int nextWeighted(double[] cumulative) {
        double x = nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
