package dev.marquee.features.redis;

import dev.marquee.core.IdDictionary;
import dev.marquee.events.LogRecord;
import dev.marquee.events.Video;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.FeatureStoreStats;
import dev.marquee.features.FeatureWriter;
import dev.marquee.features.NeighbourBatch;
import dev.marquee.features.SegmentKey;
import dev.marquee.features.StoreBackendAccess.UserBlobReader;
import dev.marquee.features.TopN;
import dev.marquee.features.UserFeatures;
import dev.marquee.features.VideoFeatureBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link FeatureStore} kept in Redis and shared by several writer processes (each owning some partitions of
 * the user-partitioned log, under its own {@link RedisStoreConfig#writerId()}) and any number of reader nodes.
 * Reads match {@code InMemoryFeatureStore} semantics: per-user state is the in-memory state machine stored as a
 * binary blob, per-video counters and top-N lists are forward-decayed sums updated commutatively (see
 * package-info for the key layout). Every read is one pipelined round trip and carries the highest applied
 * offset of all writers. Thread-safe: reads run concurrently; {@link #apply} calls serialise.
 */
public final class RedisFeatureStore implements FeatureStore, FeatureWriter, AutoCloseable {
    private final RedisStoreConfig config;
    private final RedisGateway redis;
    private final SharedDictionaries dict;
    private final BatchApplier applier;
    private final VideoBatchReader videoReader;
    private final TopListReader lists;
    private final StoreReads reads;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile long applied;

    /**
     * Connects, loads the scripts, mirrors the existing dictionaries and resumes this writer's offset.
     * Throws {@link RedisUnavailableException} naming the address when Redis cannot be reached.
     */
    public RedisFeatureStore(RedisStoreConfig config) {
        this.config = config;
        RedisKeys keys = new RedisKeys(config.keyPrefix());
        var f = config.features();
        EpochDecay popularity = new EpochDecay(f.popularityHalfLifeMillis());
        EpochDecay trending = new EpochDecay(3_600_000L);
        EpochDecay coWatch = new EpochDecay(f.coWatchHalfLifeMillis());
        LuaScripts scripts = new LuaScripts(config.keyPrefix(), f, popularity, trending, coWatch);
        this.redis = new RedisGateway(config, scripts);
        try {
            redis.loadScripts();
            this.dict = new SharedDictionaries(keys, redis, scripts, config.dictionaryRefreshMillis());
            dict.syncAll();
            this.applied = redis.read("read the applied offset",
                    c -> AppliedOffsets.parse(c.hget(keys.applied(), config.writerId().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        this.applier = new BatchApplier(config, keys, redis, scripts, dict);
        this.videoReader = new VideoBatchReader(redis, keys, config);
        this.lists = new TopListReader(redis, keys);
        this.reads = new StoreReads(config, redis, keys, dict, lists, new UserBlobReader(f), popularity, trending, coWatch);
    }

    public RedisStoreConfig config() {
        return config;
    }

    @Override
    public int apply(List<LogRecord> batch) {
        writeLock.lock();
        try {
            int count = 0;
            long last = applied;
            List<LogRecord> chunk = new ArrayList<>(Math.min(batch.size(), config.maxEventsPerTransaction()));
            for (LogRecord r : batch) {
                if (r.offset() <= last) {
                    continue;
                }
                try {
                    EventChecks.check(r.event());
                } catch (IllegalArgumentException e) {
                    count += flush(chunk);
                    throw new IllegalArgumentException("cannot apply event at offset " + r.offset() + ": " + e.getMessage(), e);
                }
                chunk.add(r);
                last = r.offset();
                if (chunk.size() == config.maxEventsPerTransaction()) {
                    count += flush(chunk);
                }
            }
            return count + flush(chunk);
        } finally {
            writeLock.unlock();
        }
    }

    private int flush(List<LogRecord> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        int n = applier.apply(chunk);
        applied = chunk.getLast().offset();
        chunk.clear();
        return n;
    }

    /** This writer's last applied offset (its own stream; see {@link #readableOffset()} for all writers). */
    @Override
    public long appliedOffset() {
        return applied;
    }

    /** The highest offset any writer of this store has committed (one round trip). */
    public long readableOffset() {
        return reads.offset();
    }

    @Override
    public IdDictionary users() {
        return dict.fresh(dict.users);
    }

    @Override
    public IdDictionary videos() {
        return dict.fresh(dict.videos);
    }

    @Override
    public IdDictionary creators() {
        return dict.fresh(dict.creators);
    }

    @Override
    public IdDictionary categories() {
        return dict.fresh(dict.categories);
    }

    @Override
    public IdDictionary languages() {
        return dict.fresh(dict.languages);
    }

    @Override
    public UserFeatures user(String userId, long nowMillis) {
        return reads.user(userId, nowMillis);
    }

    @Override
    public UserFeatures user(int userDense, long nowMillis) {
        reads.checkDense(userDense, dict.users);
        return reads.user(userDense, nowMillis);
    }

    @Override
    public void videoFeatures(int[] videos, int count, long nowMillis, VideoFeatureBatch out) {
        if (count < 0 || count > out.capacity() || count > videos.length) {
            throw new IllegalArgumentException("count " + count + " outside [0, min(batch capacity "
                    + out.capacity() + ", ids " + videos.length + ")]");
        }
        int known = dict.videos.local().size();
        for (int i = 0; i < count; i++) {
            if ((videos[i] < 0 || videos[i] >= known) && !dict.covers(dict.videos, videos[i])) {
                throw new IllegalArgumentException("unknown dense video id " + videos[i] + " at index " + i);
            }
        }
        videoReader.fill(videos, count, nowMillis, out);
    }

    @Override
    public void coWatch(int[] seeds, int count, int perSeed, long nowMillis, NeighbourBatch out) {
        reads.coWatch(seeds, count, perSeed, nowMillis, out);
    }

    @Override
    public TopN segmentTop(SegmentKey segment, int n, long nowMillis) {
        return reads.segmentTop(segment, n, nowMillis);
    }

    @Override
    public TopN categoryTop(int category, int n, long nowMillis) {
        return reads.categoryTop(category, n, nowMillis);
    }

    @Override
    public TopN trending(int n, long nowMillis) {
        return reads.trending(-1, n, nowMillis);
    }

    @Override
    public TopN trendingInCategory(int category, int n, long nowMillis) {
        return reads.trending(category, n, nowMillis);
    }

    @Override
    public TopN recentUploads(int category, int n) {
        return reads.recentUploads(category, n);
    }

    @Override
    public Optional<Video> video(int videoDense) {
        reads.checkDense(videoDense, dict.videos);
        return reads.video(videoDense);
    }

    /** Sizes for capacity planning; walks the co-watch keys (SCAN), so not for hot paths. */
    @Override
    public FeatureStoreStats stats() {
        return reads.stats();
    }

    @Override
    public void close() {
        redis.close();
    }
}
