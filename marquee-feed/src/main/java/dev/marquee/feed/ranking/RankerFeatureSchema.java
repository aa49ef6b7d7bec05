package dev.marquee.feed.ranking;

import dev.marquee.feed.retrieval.CoWatchCandidateSource;
import dev.marquee.feed.retrieval.ContentCandidateSource;
import dev.marquee.feed.retrieval.FreshUploadsCandidateSource;
import dev.marquee.feed.retrieval.SegmentPopularCandidateSource;
import dev.marquee.feed.retrieval.TrendingCandidateSource;
import dev.marquee.feed.retrieval.TwoTowerCandidateSource;
import dev.marquee.models.ranker.CategoricalField;
import dev.marquee.models.ranker.FeatureSchema;
import java.util.List;

/**
 * The ranker's input row, shared by serving ({@link MultiTaskScorer}), the impression log and training.
 * Numeric columns hold the raw values below; the model z-scores them with its training statistics.
 * "ln1p" is ln(1 + x). Counters are the store's exponentially decayed 1 h / 24 h values at read time;
 * rates are Beta-smoothed toward the video's category (see {@code VideoFeatureBatch}).
 *
 * <pre>
 * user     user_known (0/1), ln1p of lifetime impressions / clicks / long views / shares,
 *          user_ctr = (clicks + 1) / (impressions + 10), user_long_view_per_click = (long views + .5) / (clicks + 1),
 *          user_hours_since_active (capped at 168; 168 when never active). No pooled history embedding:
 *          history enters through the affinities, the watched set and the counts
 * item     item_has_metadata, smoothed ctr / long-view rate / share rate, ln1p of impressions 1h/24h, clicks
 *          1h/24h, long views 1h/24h, shares 24h, lifetime impressions, trending (long views per hour),
 *          upload age in hours (≥ 0), duration in seconds, creator uploads per day; creator long-view rate
 * context  hour_sin/hour_cos of the UTC hour; position: 0 AT SERVING (unknown when scoring), the logged
 *          0-based position in training — position-bias-aware learning (PAL, Guo et al. RecSys 2019): the
 *          model learns the position effect from the logs and serving asks for the top-slot probability
 * cross    ln1p user–creator and user–category decayed affinity, the category's share of the user's total
 *          category affinity, language match (1 / 0, 0.5 when either is unknown), the user's impressions of
 *          the video in the last 24 h (capped at 10), watched before (Bloom filter), two-tower dot product
 *          (0 without embeddings), candidate sources multi-hot (6 known sources + other)
 * categorical (0 = unknown): age band (fixed vocabulary), country and device (hashed), category, creator
 *          and video (external ids hashed, see {@link StableBuckets}), UTC hour, day of week (Monday = 0)
 * </pre>
 */
public final class RankerFeatureSchema {
    private RankerFeatureSchema() {
    }

    /**
     * Candidate source names with their own multi-hot column: the retrieval sources' component ids, read from
     * the sources themselves (a hand-written "fresh" never matched {@code fresh-uploads}, so fresh candidates
     * landed in {@code source_other}).
     */
    public static final List<String> SOURCES = List.of(TwoTowerCandidateSource.ID.name(),
            CoWatchCandidateSource.ID.name(), ContentCandidateSource.ID.name(), TrendingCandidateSource.ID.name(),
            SegmentPopularCandidateSource.ID.name(), FreshUploadsCandidateSource.ID.name());

    static final int USER_KNOWN = 0, USER_IMPRESSIONS = 1, USER_CLICKS = 2, USER_LONG_VIEWS = 3, USER_SHARES = 4,
            USER_CTR = 5, USER_LONG_VIEW_PER_CLICK = 6, USER_HOURS_SINCE_ACTIVE = 7;
    static final int ITEM_HAS_METADATA = 8, ITEM_CTR = 9, ITEM_LONG_VIEW_RATE = 10, ITEM_SHARE_RATE = 11,
            ITEM_IMPRESSIONS_1H = 12, ITEM_IMPRESSIONS_24H = 13, ITEM_CLICKS_1H = 14, ITEM_CLICKS_24H = 15,
            ITEM_LONG_VIEWS_1H = 16, ITEM_LONG_VIEWS_24H = 17, ITEM_SHARES_24H = 18, ITEM_IMPRESSIONS_TOTAL = 19,
            ITEM_TRENDING = 20, ITEM_AGE_HOURS = 21, ITEM_DURATION = 22, CREATOR_UPLOADS_PER_DAY = 23,
            CREATOR_LONG_VIEW_RATE = 24;
    static final int HOUR_SIN = 25, HOUR_COS = 26;
    /** Column of the position feature (0 at serving; training writes the logged position here). */
    public static final int POSITION = 27;
    static final int USER_CREATOR_AFFINITY = 28, USER_CATEGORY_AFFINITY = 29, USER_CATEGORY_SHARE = 30,
            LANGUAGE_MATCH = 31, USER_IMPRESSIONS_OF_VIDEO_24H = 32, USER_WATCHED = 33, TWO_TOWER_DOT = 34,
            SOURCE_FIRST = 35, SOURCE_OTHER = SOURCE_FIRST + 6;
    static final int NUMERIC = SOURCE_OTHER + 1;
    static final int AGE_BAND = NUMERIC, COUNTRY = NUMERIC + 1, DEVICE = NUMERIC + 2, CATEGORY = NUMERIC + 3,
            CREATOR = NUMERIC + 4, VIDEO = NUMERIC + 5, HOUR = NUMERIC + 6, DAY_OF_WEEK = NUMERIC + 7;

    static final List<String> AGE_BANDS = List.of("13-17", "18-24", "25-34", "35-44", "45-54", "55+");
    static final List<String> DEVICES = List.of("mobile", "desktop", "tv");
    static final int AGE_BAND_CARDINALITY = AGE_BANDS.size() + 2, COUNTRY_CARDINALITY = 64, DEVICE_CARDINALITY = 8,
            CATEGORY_CARDINALITY = 256, CREATOR_CARDINALITY = 4096, VIDEO_CARDINALITY = 16384;

    /** The schema every ranker trained on {@link RankerFeatures} rows has. */
    public static final FeatureSchema SCHEMA = new FeatureSchema(List.of(
            "user_known", "user_ln1p_impressions", "user_ln1p_clicks", "user_ln1p_long_views", "user_ln1p_shares",
            "user_ctr", "user_long_view_per_click", "user_hours_since_active",
            "item_has_metadata", "item_ctr", "item_long_view_rate", "item_share_rate",
            "item_ln1p_impressions_1h", "item_ln1p_impressions_24h", "item_ln1p_clicks_1h", "item_ln1p_clicks_24h",
            "item_ln1p_long_views_1h", "item_ln1p_long_views_24h", "item_ln1p_shares_24h",
            "item_ln1p_impressions_total", "item_ln1p_trending", "item_ln1p_age_hours", "item_ln1p_duration",
            "creator_ln1p_uploads_per_day", "creator_long_view_rate",
            "hour_sin", "hour_cos", "position",
            "user_creator_affinity", "user_category_affinity", "user_category_share", "language_match",
            "user_impressions_of_video_24h", "user_watched", "two_tower_dot",
            "source_two_tower", "source_co_watch", "source_content", "source_trending", "source_segment_popular",
            "source_fresh", "source_other"),
            List.of(new CategoricalField("age_band", AGE_BAND_CARDINALITY, 3),
                    new CategoricalField("country", COUNTRY_CARDINALITY, 4),
                    new CategoricalField("device", DEVICE_CARDINALITY, 2),
                    new CategoricalField("category", CATEGORY_CARDINALITY, 8),
                    new CategoricalField("creator", CREATOR_CARDINALITY, 8),
                    new CategoricalField("video", VIDEO_CARDINALITY, 8),
                    new CategoricalField("hour", 24, 4),
                    new CategoricalField("day_of_week", 7, 3)));

    /** Floats per row. */
    public static final int WIDTH = NUMERIC + 8;
}
