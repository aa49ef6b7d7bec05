package dev.marquee.training.twotower;

import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.feed.hydration.HistoryWeighting;
import dev.marquee.models.twotower.TwoTowerConfig;
import java.util.Objects;

/**
 * Everything a two-tower training run needs besides its inputs, defaults in {@link #defaults()}.
 *
 * <p>Time split by event time: the holdout is {@code [cutoff, cutoff + holdoutMillis)} where the cutoff is
 * {@code cutoffMillis} when set, else the UTC day boundary after the log's last event minus {@code holdoutMillis}
 * (the log's last day); validation is {@code [cutoff − validationMillis, cutoff)}; training is everything before.
 *
 * @param model              architecture and optimiser settings
 * @param weighting          history weighting of the user tower, shared with serving
 * @param features           configuration of the replay feature store (must match serving's)
 * @param holdoutMillis      length of the held-out slice (default one day)
 * @param validationMillis   length of the early-stopping slice before the holdout (default 12 h)
 * @param cutoffMillis       explicit holdout start, or {@link #AUTO_CUTOFF}
 * @param dedupeWindowMillis a click and a later long view of the same (user, video, request) within this window
 *                           are one positive (default 6 h)
 * @param logQSmoothing      additive smoothing α of the streaming popularity estimate (default 1)
 */
public record TwoTowerJobConfig(TwoTowerConfig model, HistoryWeighting weighting, FeatureStoreConfig features,
                                long holdoutMillis, long validationMillis, long cutoffMillis,
                                long dedupeWindowMillis, double logQSmoothing) {
    public static final long AUTO_CUTOFF = Long.MIN_VALUE;
    static final long DAY = 86_400_000L;

    public TwoTowerJobConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(features, "features");
        if (holdoutMillis <= 0 || validationMillis <= 0 || dedupeWindowMillis <= 0) {
            throw new IllegalArgumentException("holdout, validation and dedupe windows must be positive, got "
                    + holdoutMillis + ", " + validationMillis + ", " + dedupeWindowMillis);
        }
        if (cutoffMillis != AUTO_CUTOFF && cutoffMillis < 0) {
            throw new IllegalArgumentException("cutoffMillis must be >= 0 (epoch ms) or AUTO_CUTOFF, got " + cutoffMillis);
        }
        if (!(logQSmoothing > 0) || Double.isInfinite(logQSmoothing)) {
            throw new IllegalArgumentException("logQSmoothing must be positive and finite, got " + logQSmoothing);
        }
    }

    public static TwoTowerJobConfig defaults() {
        return new TwoTowerJobConfig(TwoTowerConfig.defaults(), HistoryWeighting.defaults(),
                FeatureStoreConfig.defaults(), DAY, DAY / 2, AUTO_CUTOFF, 6 * 3_600_000L, 1.0);
    }

    public TwoTowerJobConfig withModel(TwoTowerConfig newModel) {
        return new TwoTowerJobConfig(newModel, weighting, features, holdoutMillis, validationMillis, cutoffMillis,
                dedupeWindowMillis, logQSmoothing);
    }

    public TwoTowerJobConfig withCutoff(long newCutoffMillis) {
        return new TwoTowerJobConfig(model, weighting, features, holdoutMillis, validationMillis, newCutoffMillis,
                dedupeWindowMillis, logQSmoothing);
    }

    /** The holdout start for a log whose last event happened at {@code lastEventMillis}. */
    long cutoffFor(long lastEventMillis) {
        if (cutoffMillis != AUTO_CUTOFF) {
            return cutoffMillis;
        }
        long dayEnd = Math.floorDiv(lastEventMillis, DAY) * DAY + DAY;
        return dayEnd - holdoutMillis;
    }
}
