package dev.marquee.features;

import dev.marquee.core.IdDictionary;
import dev.marquee.events.Video;
import java.util.Optional;

/**
 * Read side of the feature store, shaped for the feed funnel: one user, a batch of videos into reusable
 * columns, co-watch neighbours of a batch of seeds, and top-N lists. Every result carries the log offset it
 * reflects: all events up to that offset are visible (events being applied concurrently may show partially).
 * Decayed values are evaluated at the caller's {@code nowMillis} (event-time clock) so a request, a replay or
 * a point-in-time training join all read consistently. Ids are the store's dense ids ({@link #videos()} etc.),
 * shared with the ANN index and the feed. Dense ids that were never interned are rejected with
 * {@link IllegalArgumentException}; known ids without data read as zeros.
 */
public interface FeatureStore {
    int MAX_VIDEO_BATCH = 2_000;
    int MAX_COWATCH_SEEDS = 50;

    IdDictionary users();

    IdDictionary videos();

    IdDictionary creators();

    IdDictionary categories();

    IdDictionary languages();

    /** Offset of the last event readable in this store, -1 when empty. */
    long appliedOffset();

    /** One user's features; an unknown or forgotten user reads as {@link UserFeatures#unknown}. */
    UserFeatures user(String userId, long nowMillis);

    UserFeatures user(int userDense, long nowMillis);

    /** Fills {@code out} with the features of {@code videos[0..count)} (count ≤ out capacity ≤ 2,000). */
    void videoFeatures(int[] videos, int count, long nowMillis, VideoFeatureBatch out);

    /** Fills {@code out} with up to {@code perSeed} strongest co-watch neighbours of each of ≤ 50 seeds. */
    void coWatch(int[] seeds, int count, int perSeed, long nowMillis, NeighbourBatch out);

    /** Top videos by decayed long views among users of exactly this segment (empty if unseen). */
    TopN segmentTop(SegmentKey segment, int n, long nowMillis);

    /** Top videos by decayed long views in a category, over all users. */
    TopN categoryTop(int category, int n, long nowMillis);

    /** Trending videos (long views per hour, 1 h half-life), over the whole catalogue. */
    TopN trending(int n, long nowMillis);

    TopN trendingInCategory(int category, int n, long nowMillis);

    /** Newest uploads of a category by upload time; scores are upload times in epoch ms. */
    TopN recentUploads(int category, int n);

    /** Metadata of a video as last upserted, empty when none was seen. */
    Optional<Video> video(int videoDense);

    FeatureStoreStats stats();

    /**
     * True when every read is an in-process memory lookup that never waits on a network or disk, so callers may
     * run store-backed work on the request thread instead of handing it to another thread. Defaults to false
     * (the safe answer for remote stores); a wrapper should answer what its delegate answers.
     */
    default boolean inProcess() {
        return false;
    }

    /**
     * The finest segment, starting at {@code segment} and walking {@link SegmentKey#coarser()}, whose list
     * has at least {@code minSize} videos; global when none has.
     */
    default SegmentTopN segmentTopWithFallback(SegmentKey segment, int n, int minSize, long nowMillis) {
        SegmentKey key = segment;
        while (true) {
            TopN top = segmentTop(key, n, nowMillis);
            if (top.size() >= minSize || key.level() == SegmentKey.Level.GLOBAL) {
                return new SegmentTopN(key, top);
            }
            key = key.coarser();
        }
    }
}
