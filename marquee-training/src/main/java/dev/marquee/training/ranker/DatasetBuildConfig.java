package dev.marquee.training.ranker;

import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.training.join.AttributionWindows;
import java.util.Objects;

/**
 * Settings of {@link PointInTimeDatasetBuilder}.
 *
 * @param requestSampleRate share of feed requests turned into rows (0, 1], chosen by a stable hash of the
 *                          request id so every impression of a sampled request is kept (NDCG needs pages)
 * @param windows           label attribution windows (the joiner's)
 * @param store             settings of the feature store the history is replayed through (serving's)
 * @param readBatch         events read from the log per call
 */
public record DatasetBuildConfig(double requestSampleRate, AttributionWindows windows, FeatureStoreConfig store,
                                 int readBatch) {
    public DatasetBuildConfig {
        if (!(requestSampleRate > 0 && requestSampleRate <= 1)) {
            throw new IllegalArgumentException("requestSampleRate must be in (0, 1], got " + requestSampleRate);
        }
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(store, "store");
        if (readBatch < 1) {
            throw new IllegalArgumentException("readBatch must be >= 1, got " + readBatch);
        }
    }

    /** Every request, default windows and store settings. */
    public static DatasetBuildConfig defaults() {
        return new DatasetBuildConfig(1.0, AttributionWindows.defaults(), FeatureStoreConfig.defaults(), 4096);
    }

    public DatasetBuildConfig withSampleRate(double rate) {
        return new DatasetBuildConfig(rate, windows, store, readBatch);
    }

    /** Whether the request with this id is sampled (stable across runs and processes). */
    boolean sampled(String requestId) {
        if (requestSampleRate >= 1.0) {
            return true;
        }
        long z = requestId.hashCode() * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return ((z >>> 11) * 0x1.0p-53) < requestSampleRate;
    }
}
