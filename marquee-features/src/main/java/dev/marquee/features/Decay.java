package dev.marquee.features;

/**
 * Exponential time decay with a half-life, in the forward-decay form of Cormode, Shkapenyuk, Srivastava
 * and Xu, "Forward Decay: A Practical Time Decay Model for Streaming Systems" (ICDE 2009).
 *
 * <p>An event at time {@code t} is stored with weight {@code 2^((t - L)/h)} relative to a landmark
 * {@code L}; a stored sum read at {@code now} is multiplied by {@code 2^(-(now - L)/h)}. The product is
 * {@code Σ 2^(-(now - t_i)/h)}, the usual backward-decayed count, but a write is one addition, values that
 * share a landmark never need rescaling relative to each other, and out-of-order events need no special
 * case. Owners move the landmark forward ("renormalise": multiply their values by {@link #factor} and set
 * {@code L = t}) once {@code t - L} exceeds {@value #RENORMALIZE_HALF_LIVES} half-lives, which keeps
 * weights below 2^64, far from double overflow. Time is event time in epoch ms, so replays are exact.
 */
final class Decay {
    static final int RENORMALIZE_HALF_LIVES = 64;
    static final long UNSET = Long.MIN_VALUE;

    private final long halfLifeMillis;
    private final double ratePerMilli;
    private final long renormalizeSpan;

    Decay(long halfLifeMillis) {
        if (halfLifeMillis <= 0) {
            throw new IllegalArgumentException("half-life must be positive, got " + halfLifeMillis + " ms");
        }
        this.halfLifeMillis = halfLifeMillis;
        this.ratePerMilli = Math.log(2) / halfLifeMillis;
        this.renormalizeSpan = halfLifeMillis > Long.MAX_VALUE / RENORMALIZE_HALF_LIVES
                ? Long.MAX_VALUE : halfLifeMillis * RENORMALIZE_HALF_LIVES;
    }

    long halfLifeMillis() {
        return halfLifeMillis;
    }

    /** Stored weight of an event at {@code t}: {@code 2^((t - landmark)/h)}. */
    double weight(long t, long landmark) {
        return Math.exp((double) (t - landmark) * ratePerMilli);
    }

    /** Multiplier turning a value stored against {@code landmark} into its decayed value at {@code now}. */
    double factor(long now, long landmark) {
        return Math.exp((double) (landmark - now) * ratePerMilli);
    }

    /** Whether an event at {@code t} should first move the landmark forward to {@code t}. */
    boolean needsRenormalize(long t, long landmark) {
        return t - landmark > renormalizeSpan;
    }

    /**
     * Converts a decayed count into a steady rate per {@code unitMillis}: a process with rate r per ms has
     * expected decayed count r·h/ln 2 (the mean lifetime), so rate = count·ln 2/h.
     */
    double toRate(double decayedCount, long unitMillis) {
        return decayedCount * ratePerMilli * unitMillis;
    }
}
