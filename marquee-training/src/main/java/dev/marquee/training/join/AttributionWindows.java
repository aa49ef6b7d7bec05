package dev.marquee.training.join;

/**
 * How long after an impression each engagement still counts as its label (inclusive). Defaults: click
 * 10 min, watch &gt; 30 s 30 min, share 24 h. An example is final once the longest window has closed.
 */
public record AttributionWindows(long clickMillis, long watchMillis, long shareMillis) {
    public AttributionWindows {
        if (clickMillis < 0 || watchMillis < 0 || shareMillis < 0) {
            throw new IllegalArgumentException("attribution windows must be >= 0 ms: " + this);
        }
    }

    public static AttributionWindows defaults() {
        return new AttributionWindows(10 * 60_000L, 30 * 60_000L, 24 * 3_600_000L);
    }

    public long longest() {
        return Math.max(clickMillis, Math.max(watchMillis, shareMillis));
    }
}
