package dev.marquee.events;

import java.util.Objects;

/**
 * One item as the feed served it: the record the ranker's training data is built from, so it carries the
 * ranker's input row exactly as scored (point-in-time correct by construction) and the policy's
 * propensity (for off-policy evaluation). Arrays are not copied: treat them as immutable.
 *
 * @param requestId    feed request that showed the item (the join key with clicks, views and shares)
 * @param userId       external user id
 * @param videoId      external video id
 * @param position     0-based position on the page
 * @param timeMillis   request time, epoch ms (event-time clock)
 * @param modelVersion registry version of the models that scored the request ("none" when ranking fell back)
 * @param variant      experiment variant the user was assigned, or null outside experiments
 * @param features     ranker input row as scored (empty when no ranker scored it)
 * @param heads        predicted p(click), p(watch &gt; 30 s), p(share) (empty when no ranker scored it)
 * @param propensity   probability the policy showed this video at this position, in (0, 1]
 */
public record ServedImpression(String requestId, String userId, String videoId, int position, long timeMillis,
                               String modelVersion, String variant, float[] features, float[] heads,
                               double propensity) {

    /** Number of heads when a ranker scored the item. */
    public static final int HEADS = 3;

    public ServedImpression {
        requireId(requestId, "requestId");
        requireId(userId, "userId");
        requireId(videoId, "videoId");
        requireId(modelVersion, "modelVersion");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(heads, "heads");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, got " + position);
        }
        if (heads.length != 0 && heads.length != HEADS) {
            throw new IllegalArgumentException("heads must hold 0 or " + HEADS + " values, got " + heads.length);
        }
        if (!(propensity > 0.0 && propensity <= 1.0)) {
            throw new IllegalArgumentException("propensity must be in (0, 1], got " + propensity);
        }
    }

    /** Whether a ranker scored this item (features and heads present). */
    public boolean scored() {
        return features.length > 0;
    }

    private static void requireId(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("served impression needs a non-empty " + field);
        }
    }
}
