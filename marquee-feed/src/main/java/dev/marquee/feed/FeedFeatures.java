package dev.marquee.feed;

import dev.marquee.core.Feature;
import dev.marquee.core.FeedQuery;
import dev.marquee.features.UserFeatures;
import dev.marquee.features.VideoFeatureBatch;

/**
 * The typed query-level features the feed's stages hand to each other. Query hydration fills
 * {@link #USER} (and {@link #USER_EMBEDDING} when a two-tower model is loaded); candidate hydration fills
 * {@link #VIDEOS} with one row per candidate ({@link dev.marquee.core.Candidate#row()}).
 */
public final class FeedFeatures {
    private FeedFeatures() {
    }

    /** The requesting user's features at request time (unknown users read as {@link UserFeatures#unknown}). */
    public static final Feature<FeedQuery, UserFeatures> USER = Feature.of("user", FeedQuery.class, UserFeatures.class);

    /** The user's two-tower embedding, L2-normalised; absent when no model is loaded. */
    public static final Feature<FeedQuery, float[]> USER_EMBEDDING =
            Feature.of("user_embedding", FeedQuery.class, float[].class);

    /** Batch-hydrated video features of the request's candidates, indexed by {@code Candidate.row()}. */
    public static final Feature<FeedQuery, VideoFeatureBatch> VIDEOS =
            Feature.of("videos", FeedQuery.class, VideoFeatureBatch.class);
}
