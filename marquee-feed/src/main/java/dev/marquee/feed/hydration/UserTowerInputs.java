package dev.marquee.feed.hydration;

import dev.marquee.core.IdDictionary;
import dev.marquee.features.InteractionHistory;
import dev.marquee.features.UserFeatures;
import dev.marquee.models.IdBuckets;
import dev.marquee.models.twotower.TwoTowerModel;
import dev.marquee.models.twotower.TwoTowerShape;
import dev.marquee.models.twotower.UserFeatureBatch;
import java.util.List;
import java.util.Objects;

/**
 * Encodes {@link UserFeatures} as user-tower inputs, the one encoding shared by serving (from the user's
 * features at request time) and training (from the features as of each example's time), so the two can
 * never drift apart.
 *
 * <ul>
 * <li>History: the newest {@code historyLength} engagements (clicks, views, shares), each video hashed
 *     by its external id with the model's {@link IdBuckets}, weighted by {@link HistoryWeighting}
 *     relative to the features' read time; empty slots get weight 0.</li>
 * <li>Profile: age band, country and device strings hashed into their vocabularies, with row 0 reserved
 *     for "unknown" so a missing profile never collides with a real value.</li>
 * <li>Context: hour of day and day of week (Monday = 0) of the read time, in UTC.</li>
 * </ul>
 */
public final class UserTowerInputs {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    private final TwoTowerShape shape;
    private final IdBuckets videoBuckets;
    private final IdDictionary videos;
    private final HistoryWeighting weighting;

    /**
     * @param videos the store's video dictionary, mapping the history's dense ids back to external ids
     */
    public UserTowerInputs(TwoTowerShape shape, IdBuckets videoBuckets, IdDictionary videos, HistoryWeighting weighting) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.videoBuckets = Objects.requireNonNull(videoBuckets, "videoBuckets");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.weighting = Objects.requireNonNull(weighting, "weighting");
    }

    /** Inputs matching {@code model}'s shape and id hashing. */
    public static UserTowerInputs forModel(TwoTowerModel model, IdDictionary videos, HistoryWeighting weighting) {
        return new UserTowerInputs(model.config().shape(), model.videoIds(), videos, weighting);
    }

    /** One row per user, in list order; each row uses that user's own read time. */
    public UserFeatureBatch batch(List<UserFeatures> users) {
        int n = users.size();
        if (n == 0) {
            throw new IllegalArgumentException("need at least one user");
        }
        int h = shape.historyLength();
        int[] ids = new int[n * h];
        float[] weights = new float[n * h];
        int[] age = new int[n], country = new int[n], device = new int[n], hour = new int[n], day = new int[n];
        for (int u = 0; u < n; u++) {
            UserFeatures f = users.get(u);
            writeHistory(f.recent(), f.nowMillis(), ids, weights, u * h, h);
            age[u] = vocabulary(f.ageBand(), shape.ageBands(), 0xA6EL);
            country[u] = vocabulary(f.country(), shape.countries(), 0xC0DEL);
            device[u] = vocabulary(f.device(), shape.devices(), 0xDE71CEL);
            hour[u] = hourOfDay(f.nowMillis());
            day[u] = dayOfWeek(f.nowMillis());
        }
        return new UserFeatureBatch(n, h, ids, weights, age, country, device, hour, day);
    }

    /** A one-user batch. */
    public UserFeatureBatch of(UserFeatures user) {
        return batch(List.of(user));
    }

    private void writeHistory(InteractionHistory recent, long now, int[] ids, float[] weights, int offset, int slots) {
        int n = Math.min(recent.size(), slots);
        int[] v = recent.videos();
        for (int i = 0; i < n; i++) {
            ids[offset + i] = videoBuckets.bucket(videos.external(v[i]));
            weights[offset + i] = weighting.weight(recent.types()[i], now - recent.times()[i]);
        }
    }

    /** Row of a profile value in a vocabulary of {@code cardinality} rows: 0 for unknown, else hashed into the rest. */
    static int vocabulary(String value, int cardinality, long salt) {
        if (value == null || value.isEmpty() || cardinality == 1) {
            return 0;
        }
        return 1 + new IdBuckets(cardinality - 1, salt).bucket(value);
    }

    static int hourOfDay(long millis) {
        return (int) Math.floorMod(Math.floorDiv(millis, HOUR), 24L);
    }

    /** Monday = 0 (1970-01-01 was a Thursday). */
    static int dayOfWeek(long millis) {
        return (int) Math.floorMod(Math.floorDiv(millis, DAY) + 3, 7L);
    }
}
