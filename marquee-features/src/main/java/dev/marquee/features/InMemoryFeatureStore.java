package dev.marquee.features;

import dev.marquee.core.IdDictionary;
import dev.marquee.events.LogRecord;
import dev.marquee.events.UserDeleted;
import dev.marquee.events.Video;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded feature store: dense int-indexed primitive columns and bounded per-entity structures,
 * rebuilt by replaying the log (or a {@link FeatureSnapshot} plus the tail).
 *
 * <p>Concurrency (one writer, many readers): all writes ({@link #apply}, {@link #forgetUser}, snapshotting)
 * serialise on one lock. After each batch the writer stores the applied offset in a volatile field; every
 * read loads it first, which makes all writes of earlier batches visible to the reader (happens-before).
 * Per-user state is read and written under that user's monitor (a consistent copy per user); Space-Saving
 * summaries synchronise on themselves; video columns and group totals are read racily (one event's worth
 * of staleness at most), and growable arrays are republished before rows beyond the old length are used.
 */
public final class InMemoryFeatureStore implements FeatureStore, FeatureWriter {
    private final StoreState state;
    private final EventProjector projector;
    private final VideoFeatureReader videoReader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile long published;

    public InMemoryFeatureStore(FeatureStoreConfig config) {
        this(new StoreState(config));
    }

    InMemoryFeatureStore(StoreState state) {
        this.state = state;
        this.projector = new EventProjector(state);
        this.videoReader = new VideoFeatureReader(state);
        this.published = state.appliedOffset;
    }

    StoreState state() {
        return state;
    }

    public FeatureStoreConfig config() {
        return state.config;
    }

    @Override
    public int apply(List<LogRecord> batch) {
        writeLock.lock();
        try {
            int applied = 0;
            try {
                for (LogRecord r : batch) {
                    if (r.offset() <= state.appliedOffset) {
                        continue;
                    }
                    try {
                        applied += projector.apply(r.event()) ? 1 : 0;
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("cannot apply event at offset " + r.offset() + ": " + e.getMessage(), e);
                    }
                    state.appliedOffset = r.offset();
                }
            } finally {
                published = state.appliedOffset;
            }
            return applied;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Forgets a user now (history, affinities, watched set, profile) and tombstones them so their events
     * with event time ≤ {@code deletedAtMillis} are skipped from then on. The log's {@link UserDeleted}
     * event does the same during replay; this direct path exists for read-your-deletes in the API.
     */
    public void forgetUser(String userId, long deletedAtMillis) {
        writeLock.lock();
        try {
            projector.apply(new UserDeleted("forget-" + userId + "-" + deletedAtMillis, deletedAtMillis, userId));
        } finally {
            published = state.appliedOffset;
            writeLock.unlock();
        }
    }

    /** Writes the whole state while holding the write lock; returns the offset it is consistent at. */
    long writeState(DataOutputStream out) throws IOException {
        writeLock.lock();
        try {
            state.writeTo(out);
            return state.appliedOffset;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public long appliedOffset() {
        return published;
    }

    @Override
    public IdDictionary users() {
        return state.dict.users;
    }

    @Override
    public IdDictionary videos() {
        return state.dict.videos;
    }

    @Override
    public IdDictionary creators() {
        return state.dict.creators;
    }

    @Override
    public IdDictionary categories() {
        return state.dict.categories;
    }

    @Override
    public IdDictionary languages() {
        return state.dict.languages;
    }

    @Override
    public UserFeatures user(String userId, long nowMillis) {
        long offset = published;
        int u = state.dict.users.find(userId);
        return u < 0 ? UserFeatures.unknown(offset, nowMillis) : state.users.read(u, nowMillis, offset, state.dict);
    }

    @Override
    public UserFeatures user(int userDense, long nowMillis) {
        long offset = published;
        checkDense(userDense, state.dict.users, "user");
        return state.users.read(userDense, nowMillis, offset, state.dict);
    }

    @Override
    public void videoFeatures(int[] videos, int count, long nowMillis, VideoFeatureBatch out) {
        long offset = published;
        if (count < 0 || count > out.capacity() || count > videos.length) {
            throw new IllegalArgumentException("count " + count + " outside [0, min(batch capacity "
                    + out.capacity() + ", ids " + videos.length + ")]");
        }
        int known = state.dict.videos.size();
        for (int i = 0; i < count; i++) {
            if (videos[i] < 0 || videos[i] >= known) {
                throw new IllegalArgumentException("unknown dense video id " + videos[i] + " at index " + i);
            }
        }
        videoReader.fill(videos, count, nowMillis, out);
        out.offset = offset;
    }

    @Override
    public void coWatch(int[] seeds, int count, int perSeed, long nowMillis, NeighbourBatch out) {
        long offset = published;
        if (count < 0 || count > out.maxSeeds() || count > seeds.length) {
            throw new IllegalArgumentException("seed count " + count + " outside [0, " + out.maxSeeds() + "]");
        }
        if (perSeed <= 0 || perSeed > out.maxPerSeed()) {
            throw new IllegalArgumentException("perSeed " + perSeed + " outside [1, " + out.maxPerSeed() + "]");
        }
        for (int i = 0; i < count; i++) {
            checkDense(seeds[i], state.dict.videos, "video");
            out.seeds[i] = seeds[i];
            out.counts[i] = state.coWatch.neighbours(seeds[i], perSeed, nowMillis, out.neighbours, out.weights,
                    i * out.maxPerSeed());
        }
        out.seedCount = count;
        out.offset = offset;
    }

    @Override
    public TopN segmentTop(SegmentKey segment, int n, long nowMillis) {
        long offset = published;
        checkN(n);
        Dictionaries d = state.dict;
        int country = segment.country() == null ? -1 : d.countries.find(segment.country());
        int device = segment.device() == null ? -1 : d.devices.find(segment.device());
        int age = segment.ageBand() == null ? -1 : d.ageBands.find(segment.ageBand());
        if ((segment.country() != null && country < 0) || (segment.device() != null && device < 0)
                || (segment.ageBand() != null && age < 0)) {
            return TopN.empty(offset);
        }
        return state.popularity.segmentTop(PopularityIndex.code(segment.level(), country, device, age), n, nowMillis, offset);
    }

    @Override
    public TopN categoryTop(int category, int n, long nowMillis) {
        long offset = published;
        checkN(n);
        checkDense(category, state.dict.categories, "category");
        return state.popularity.categoryTop(category, n, nowMillis, offset);
    }

    @Override
    public TopN trending(int n, long nowMillis) {
        long offset = published;
        checkN(n);
        return state.popularity.trending(-1, n, nowMillis, offset);
    }

    @Override
    public TopN trendingInCategory(int category, int n, long nowMillis) {
        long offset = published;
        checkN(n);
        checkDense(category, state.dict.categories, "category");
        return state.popularity.trending(category, n, nowMillis, offset);
    }

    @Override
    public TopN recentUploads(int category, int n) {
        long offset = published;
        checkN(n);
        checkDense(category, state.dict.categories, "category");
        return state.uploads.newest(category, n, offset);
    }

    @Override
    public Optional<Video> video(int videoDense) {
        long visibility = published; // volatile read: makes metadata of applied batches visible
        checkDense(videoDense, state.dict.videos, "video");
        VideoColumns c = state.videos;
        return Optional.ofNullable(videoDense < c.rows ? c.video(videoDense) : null);
    }

    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public FeatureStoreStats stats() {
        long offset = published;
        return new FeatureStoreStats(offset, state.users.count(), state.dict.videos.size(), state.coWatch.edges(),
                estimateMemoryBytes());
    }

    /** Estimated heap bytes held by the store's state (walks every user: O(users), for stats only). */
    public long estimateMemoryBytes() {
        return state.estimateBytes();
    }

    private static void checkDense(int id, IdDictionary dict, String what) {
        if (id < 0 || id >= dict.size()) {
            throw new IllegalArgumentException("unknown dense " + what + " id " + id + " (dictionary holds " + dict.size() + ")");
        }
    }

    private static void checkN(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
    }
}
