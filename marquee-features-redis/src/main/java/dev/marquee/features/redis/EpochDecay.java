package dev.marquee.features.redis;

/**
 * Forward decay (Cormode, Shkapenyuk, Srivastava and Xu, "Forward Decay: A Practical Time Decay Model for
 * Streaming Systems", ICDE 2009) with a shared, time-derived landmark, so that every writer adds to the same
 * Redis value without reading it first: an event at {@code t} adds {@code exp(λ(t − L))} to a sorted-set score
 * with {@code L = e·span}, {@code e = floor(t / span)}; a read at {@code now} multiplies by
 * {@code exp(−λ(now − L))}. Keys carry the epoch {@code e}; {@code span} is {@value #EPOCH_HALF_LIVES}
 * half-lives, so stored weights stay below 2^512 (far from double overflow) and anything from epoch
 * {@code e − 2} or older has decayed by more than 2^-512 at read time: reads merge epochs {@code e} and
 * {@code e − 1} only. λ = ln 2 / half-life, as in the in-memory store.
 */
final class EpochDecay {
    static final int EPOCH_HALF_LIVES = 512;
    private final double rate;
    private final long span;

    EpochDecay(long halfLifeMillis) {
        this.rate = Math.log(2) / halfLifeMillis;
        this.span = halfLifeMillis * EPOCH_HALF_LIVES;
    }

    double rate() {
        return rate;
    }

    long span() {
        return span;
    }

    long epoch(long t) {
        return Math.floorDiv(t, span);
    }

    /** Multiplier turning a score stored in epoch {@code e} into its decayed value at {@code now}. */
    double factor(long now, long e) {
        return Math.exp((double) (e * span - now) * rate);
    }
}
