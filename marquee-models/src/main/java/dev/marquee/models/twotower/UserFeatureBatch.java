package dev.marquee.models.twotower;

/**
 * User-tower inputs for {@code size} users, row-major. Each user has exactly {@code historyLength}
 * history slots: {@code historyVideos} holds video bucket ids ({@link TwoTowerShape#videoIds()}),
 * {@code historyWeights} the caller's weight per slot (by interaction type and recency; 0 for empty
 * slots, whose bucket id is ignored but must still be in range). The pooled history is the weighted
 * mean; a user with no history pools to zeros. Arrays are not copied: do not mutate them while in use.
 */
public record UserFeatureBatch(int size, int historyLength, int[] historyVideos, float[] historyWeights,
                               int[] ageBand, int[] country, int[] device, int[] hourOfDay, int[] dayOfWeek) {

    public UserFeatureBatch {
        if (size < 1 || historyLength < 1) {
            throw new IllegalArgumentException("size and historyLength must be >= 1, got " + size + ", " + historyLength);
        }
        FeatureChecks.length("historyVideos", historyVideos, size * historyLength);
        FeatureChecks.length("historyWeights", historyWeights, size * historyLength);
        FeatureChecks.length("ageBand", ageBand, size);
        FeatureChecks.length("country", country, size);
        FeatureChecks.length("device", device, size);
        FeatureChecks.length("hourOfDay", hourOfDay, size);
        FeatureChecks.length("dayOfWeek", dayOfWeek, size);
    }

    /** Throws if any id is outside the model's vocabulary or a weight is negative or not finite. */
    void validate(TwoTowerShape shape) {
        if (historyLength != shape.historyLength()) {
            throw new IllegalArgumentException("history length " + historyLength + " but the model expects " + shape.historyLength());
        }
        FeatureChecks.range("historyVideos", historyVideos, shape.videoBuckets());
        FeatureChecks.range("ageBand", ageBand, shape.ageBands());
        FeatureChecks.range("country", country, shape.countries());
        FeatureChecks.range("device", device, shape.devices());
        FeatureChecks.range("hourOfDay", hourOfDay, 24);
        FeatureChecks.range("dayOfWeek", dayOfWeek, 7);
        for (int i = 0; i < historyWeights.length; i++) {
            float w = historyWeights[i];
            if (!(w >= 0f) || Float.isInfinite(w)) {
                throw new IllegalArgumentException("historyWeights[" + i + "] = " + w + " must be finite and >= 0");
            }
        }
    }

    /** Weights divided by each user's total (all zeros for an empty history). */
    float[] meanWeights() {
        float[] w = new float[historyWeights.length];
        for (int u = 0; u < size; u++) {
            int o = u * historyLength;
            float total = 0f;
            for (int i = 0; i < historyLength; i++) {
                total += historyWeights[o + i];
            }
            if (total > 0f) {
                for (int i = 0; i < historyLength; i++) {
                    w[o + i] = historyWeights[o + i] / total;
                }
            }
        }
        return w;
    }

    /** The users at {@code order[from..to)}, copied. */
    UserFeatureBatch gather(int[] order, int from, int to) {
        int n = to - from;
        int h = historyLength;
        int[] ids = new int[n * h];
        float[] weights = new float[n * h];
        int[] age = new int[n], ctry = new int[n], dev = new int[n], hour = new int[n], dow = new int[n];
        for (int i = 0; i < n; i++) {
            int src = order[from + i];
            System.arraycopy(historyVideos, src * h, ids, i * h, h);
            System.arraycopy(historyWeights, src * h, weights, i * h, h);
            age[i] = ageBand[src];
            ctry[i] = country[src];
            dev[i] = device[src];
            hour[i] = hourOfDay[src];
            dow[i] = dayOfWeek[src];
        }
        return new UserFeatureBatch(n, h, ids, weights, age, ctry, dev, hour, dow);
    }
}
