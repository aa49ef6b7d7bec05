package dev.marquee.server;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.marquee.core.IdDictionary;
import dev.marquee.events.Video;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.FeatureStoreStats;
import dev.marquee.features.NeighbourBatch;
import dev.marquee.features.SegmentKey;
import dev.marquee.features.StoreBackendAccess;
import dev.marquee.features.StoreUnavailableException;
import dev.marquee.features.TopN;
import dev.marquee.features.UserFeatures;
import dev.marquee.features.VideoFeatureBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps feeds coming when a remote feature store goes away: a circuit breaker (Nygard, "Release It!") around every
 * read. The first {@link StoreUnavailableException} opens it; while open, reads answer at once from what the node
 * last saw (top-N lists, video metadata, dictionaries) or as for an unknown user / video without signals, and a
 * background probe checks the store every {@code probePeriod}; the first successful probe closes it, so full
 * quality returns within one probe period of the store coming back, without a restart. {@link #health()} says
 * what is degraded, for explain and /v1/status; metrics count degraded reads.
 */
public final class GuardedFeatureStore implements FeatureStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedFeatureStore.class);
    private final FeatureStore delegate;
    private final LongSupplier probe;
    private final Counter degradedReads;
    private final Map<String, TopN> lists = new ConcurrentHashMap<>();
    private final Cache<Integer, Video> videos = CacheBuilder.newBuilder().maximumSize(500_000).build();
    private final Map<String, IdDictionary> dictionaries = new ConcurrentHashMap<>();
    private final VideoMetadataCache meta = new VideoMetadataCache();
    private final ScheduledFuture<?> prober;
    private volatile FeatureStoreStats lastStats = new FeatureStoreStats(-1, 0, 0, 0, 0);
    private volatile long lastOffset = -1;
    private volatile long statsAtNanos = System.nanoTime() - 3_600_000_000_000L;
    private static final long STATS_MILLIS = 10_000;
    private volatile Instant downSince;

    public GuardedFeatureStore(FeatureStore delegate, LongSupplier probe, Duration probePeriod,
                               ScheduledExecutorService scheduler, MeterRegistry metrics) {
        this.delegate = delegate;
        this.probe = probe;
        this.degradedReads = Counter.builder("marquee.features.degraded.reads")
                .description("feature reads answered from the node's fallback because the store was unavailable")
                .register(metrics);
        Gauge.builder("marquee.features.store.up", this, g -> g.downSince == null ? 1 : 0).register(metrics);
        long p = probePeriod.toMillis();
        this.prober = scheduler.scheduleWithFixedDelay(this::probeIfDown, p, p, TimeUnit.MILLISECONDS);
    }

    /** Empty when the store is healthy, else what is degraded and since when. */
    public Map<String, String> health() {
        Instant since = downSince;
        return since == null ? Map.of() : Map.of("feature-store",
                "unavailable since " + since + ": unknown-user features, cached lists and metadata");
    }

    public boolean up() {
        return downSince == null;
    }

    private void probeIfDown() {
        if (downSince == null) {
            return;
        }
        try {
            probe.getAsLong();
            LOG.info("feature store reachable again after being down since {}; full quality restored", downSince);
            downSince = null;
        } catch (RuntimeException e) {
            // still down
        }
    }

    private void down(StoreUnavailableException e) {
        if (downSince == null) {
            downSince = Instant.now();
            LOG.warn("feature store unavailable, serving degraded feeds until it answers again: {}", e.getMessage());
        }
        degradedReads.increment();
    }

    private <T> T guarded(Supplier<T> read, Supplier<T> fallback) {
        if (downSince != null) {
            degradedReads.increment();
            return fallback.get();
        }
        try {
            return read.get();
        } catch (StoreUnavailableException e) {
            down(e);
            return fallback.get();
        }
    }

    private TopN list(String key, Supplier<TopN> read) {
        TopN top = guarded(read, () -> lists.getOrDefault(key, new TopN(new int[0], new double[0], lastOffset)));
        if (downSince == null) {
            lists.put(key, top);
            lastOffset = top.offset();
        }
        return top;
    }

    private IdDictionary dictionary(String name, Supplier<IdDictionary> read) {
        IdDictionary d = guarded(read, () -> dictionaries.get(name));
        if (d == null) {
            throw new StoreUnavailableException("feature store unavailable before its " + name + " dictionary was read", null);
        }
        dictionaries.put(name, d);
        return d;
    }

    @Override public IdDictionary users() { return dictionary("users", delegate::users); }
    @Override public IdDictionary videos() { return dictionary("videos", delegate::videos); }
    @Override public IdDictionary creators() { return dictionary("creators", delegate::creators); }
    @Override public IdDictionary categories() { return dictionary("categories", delegate::categories); }
    @Override public IdDictionary languages() { return dictionary("languages", delegate::languages); }

    @Override
    public long appliedOffset() {
        return guarded(delegate::appliedOffset, () -> lastOffset);
    }

    @Override
    public UserFeatures user(String userId, long nowMillis) {
        return guarded(() -> delegate.user(userId, nowMillis), () -> UserFeatures.unknown(lastOffset, nowMillis));
    }

    @Override
    public UserFeatures user(int userDense, long nowMillis) {
        return guarded(() -> delegate.user(userDense, nowMillis), () -> UserFeatures.unknown(lastOffset, nowMillis));
    }

    @Override
    public void videoFeatures(int[] ids, int count, long nowMillis, VideoFeatureBatch out) {
        guarded(() -> {
            delegate.videoFeatures(ids, count, nowMillis, out);
            remember(out);
            return null;
        }, () -> {
            meta.fill(ids, count, out); // metadata as last seen, no signals: ranked like brand-new videos
            StoreBackendAccess.finishVideos(out, count, nowMillis, lastOffset);
            return null;
        });
    }

    private void remember(VideoFeatureBatch out) {
        for (int i = 0, n = out.size(); i < n; i++) {
            if (out.hasMetadata(i)) {
                meta.put(out.video(i), out.creator(i), out.category(i), out.language(i), out.durationSeconds(i), out.uploadedAt(i));
            }
        }
    }

    @Override
    public void coWatch(int[] seeds, int count, int perSeed, long nowMillis, NeighbourBatch out) {
        guarded(() -> {
            delegate.coWatch(seeds, count, perSeed, nowMillis, out);
            return null;
        }, () -> {
            for (int i = 0; i < count; i++) {
                StoreBackendAccess.seed(out, i, seeds[i], 0);
            }
            StoreBackendAccess.finishNeighbours(out, count, lastOffset);
            return null;
        });
    }

    @Override
    public TopN segmentTop(SegmentKey segment, int n, long nowMillis) {
        return list("segment:" + segment + ":" + n, () -> delegate.segmentTop(segment, n, nowMillis));
    }

    @Override
    public TopN categoryTop(int category, int n, long nowMillis) {
        return list("category:" + category + ":" + n, () -> delegate.categoryTop(category, n, nowMillis));
    }

    @Override
    public TopN trending(int n, long nowMillis) {
        return list("trending:" + n, () -> delegate.trending(n, nowMillis));
    }

    @Override
    public TopN trendingInCategory(int category, int n, long nowMillis) {
        return list("trending:" + category + ":" + n, () -> delegate.trendingInCategory(category, n, nowMillis));
    }

    @Override
    public TopN recentUploads(int category, int n) {
        return list("uploads:" + category + ":" + n, () -> delegate.recentUploads(category, n));
    }

    @Override
    public Optional<Video> video(int videoDense) {
        Optional<Video> v = guarded(() -> delegate.video(videoDense), () -> Optional.ofNullable(videos.getIfPresent(videoDense)));
        v.ifPresent(video -> videos.put(videoDense, video));
        return v;
    }

    /** Cached for {@value #STATS_MILLIS} ms: a remote store's stats scan its keys, and /v1/status is polled by every UI. */
    @Override
    public FeatureStoreStats stats() {
        long now = System.nanoTime();
        if (now - statsAtNanos < STATS_MILLIS * 1_000_000L && lastStats.offset() >= 0) {
            return lastStats;
        }
        FeatureStoreStats s = guarded(delegate::stats, () -> lastStats);
        lastStats = s;
        statsAtNanos = now;
        return s;
    }

    @Override
    public void close() {
        prober.cancel(false);
    }
}
