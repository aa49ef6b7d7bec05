package dev.marquee.feed.hydration;

import dev.marquee.features.InteractionType;

/**
 * How much one past interaction counts in the user tower's pooled history: a weight per interaction type
 * times an exponential recency decay, {@code typeWeight · 2^(−age / halfLife)}. The defaults mirror the
 * feature store's affinity weights (a share says more than a long view, which says more than a click)
 * with a one-day half-life, so the newest interactions dominate without erasing the older taste.
 *
 * @param clickWeight     weight of a click
 * @param shortViewWeight weight of a view of at most 30 s
 * @param longViewWeight  weight of a view over 30 s
 * @param shareWeight     weight of a share
 * @param halfLifeMillis  age at which an interaction counts half
 */
public record HistoryWeighting(float clickWeight, float shortViewWeight, float longViewWeight, float shareWeight,
                               long halfLifeMillis) {
    private static final double LN2 = Math.log(2);

    public HistoryWeighting {
        for (float w : new float[] {clickWeight, shortViewWeight, longViewWeight, shareWeight}) {
            if (!(w >= 0f) || Float.isInfinite(w)) {
                throw new IllegalArgumentException("history weights must be finite and >= 0, got " + w);
            }
        }
        if (halfLifeMillis <= 0) {
            throw new IllegalArgumentException("halfLifeMillis must be positive, got " + halfLifeMillis);
        }
    }

    public static HistoryWeighting defaults() {
        return new HistoryWeighting(1f, 0.5f, 2f, 3f, 86_400_000L);
    }

    /** Weight of an interaction of {@code type} that happened {@code ageMillis} ago (future times count as now). */
    public float weight(InteractionType type, long ageMillis) {
        float base = switch (type) {
            case CLICK -> clickWeight;
            case SHORT_VIEW -> shortViewWeight;
            case LONG_VIEW -> longViewWeight;
            case SHARE -> shareWeight;
            case IMPRESSION -> 0f;
        };
        return base == 0f ? 0f : (float) (base * Math.exp(-LN2 * Math.max(0L, ageMillis) / halfLifeMillis));
    }
}
