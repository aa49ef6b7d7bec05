package dev.marquee.features;

import dev.marquee.core.Candidate;
import dev.marquee.core.Feature;
import dev.marquee.core.FeedQuery;

/**
 * Typed keys for feature values that cross module boundaries through {@link dev.marquee.core.FeatureMap}s:
 * query-level values hydrated once per request, and per-candidate values hydrated from a
 * {@link VideoFeatureBatch} (hot loops should read the batch columns directly instead).
 */
public final class FeatureKeys {
    private FeatureKeys() {
    }

    // Query level
    public static final Feature<FeedQuery, UserFeatures> USER = Feature.of("user_features", FeedQuery.class, UserFeatures.class);
    public static final Feature<FeedQuery, SegmentKey> SEGMENT = Feature.of("segment", FeedQuery.class, SegmentKey.class);
    public static final Feature<FeedQuery, Long> FEATURES_OFFSET = Feature.of("features_offset", FeedQuery.class, Long.class);

    // Candidate (video) level
    public static final Feature<Candidate, Integer> CREATOR = Feature.of("creator", Candidate.class, Integer.class);
    public static final Feature<Candidate, Integer> CATEGORY = Feature.of("category", Candidate.class, Integer.class);
    public static final Feature<Candidate, Integer> DURATION_SEC = Feature.of("duration_sec", Candidate.class, Integer.class);
    public static final Feature<Candidate, Double> UPLOAD_AGE_HOURS = Feature.of("upload_age_hours", Candidate.class, Double.class);
    public static final Feature<Candidate, Double> CTR = Feature.of("ctr_smoothed", Candidate.class, Double.class);
    public static final Feature<Candidate, Double> LONG_VIEW_RATE = Feature.of("long_view_rate_smoothed", Candidate.class, Double.class);
    public static final Feature<Candidate, Double> SHARE_RATE = Feature.of("share_rate_smoothed", Candidate.class, Double.class);
    public static final Feature<Candidate, Double> TRENDING = Feature.of("trending_long_views_per_hour", Candidate.class, Double.class);
    public static final Feature<Candidate, Double> IMPRESSIONS_24H = Feature.of("impressions_24h", Candidate.class, Double.class);
    public static final Feature<Candidate, Double> CREATOR_UPLOADS_PER_DAY = Feature.of("creator_uploads_per_day", Candidate.class, Double.class);
    public static final Feature<Candidate, Double> CREATOR_LONG_VIEW_RATE = Feature.of("creator_long_view_rate", Candidate.class, Double.class);

    // User × candidate crosses
    public static final Feature<Candidate, Double> USER_CREATOR_AFFINITY = Feature.of("user_creator_affinity", Candidate.class, Double.class);
    public static final Feature<Candidate, Double> USER_CATEGORY_AFFINITY = Feature.of("user_category_affinity", Candidate.class, Double.class);
    public static final Feature<Candidate, Integer> USER_IMPRESSIONS_24H = Feature.of("user_video_impressions_24h", Candidate.class, Integer.class);
    public static final Feature<Candidate, Boolean> USER_WATCHED = Feature.of("user_watched", Candidate.class, Boolean.class);
}
