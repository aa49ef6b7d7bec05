package dev.marquee.server;

import dev.marquee.core.Clock;
import dev.marquee.core.PipelineResult;
import dev.marquee.events.EventLog;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.FeatureUpdater;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.features.redis.RedisFeatureStore;
import dev.marquee.features.redis.RedisStoreConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * A serving node's feature store and how events reach it: the in-memory store restored from a snapshot and the
 * log's tail and updated in-process (with periodic snapshots), or a Redis store shared by every node, updated
 * either in-process or by `marquee update` processes. Also answers "is offset N readable yet?" for
 * read-your-writes requests.
 */
public final class NodeFeatures implements AutoCloseable {
    private final FeatureStore store;
    private final FeatureUpdater updater;
    private final RedisFeatureStore redis;
    private final long indexFrom;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private GuardedFeatureStore guarded;

    private NodeFeatures(FeatureStore store, FeatureUpdater updater, RedisFeatureStore redis, long indexFrom) {
        this.store = store;
        this.updater = updater;
        this.redis = redis;
        this.indexFrom = indexFrom;
    }

    static NodeFeatures open(ServeConfig cfg, DataDir dir, EventLog log, MeterRegistry metrics, Clock clock,
                             ScheduledExecutorService scheduler, LongConsumer replayProgress) {
        NodeBackends b = cfg.backends();
        if (b.featureStore() instanceof BackendSpec.RedisStore r) {
            RedisStoreConfig rc = RedisStoreConfig.defaults(r.host(), r.port()).withKeyPrefix(r.prefix() + ":")
                    .withWriterId("events");
            RedisFeatureStore redis = new RedisFeatureStore(rc);
            FeatureUpdater updater = b.localUpdater() ? new FeatureUpdater(redis, log, metrics, clock) : null;
            GuardedFeatureStore guarded = new GuardedFeatureStore(redis, redis::readableOffset, Duration.ofMillis(250),
                    scheduler, metrics);
            // the shared store already knows every video: index the whole log's upserts (idempotent)
            NodeFeatures f = new NodeFeatures(guarded, updater, redis, 0);
            f.guarded = guarded;
            f.owned.add(redis);
            f.owned.add(guarded);
            if (updater != null) {
                f.owned.add(updater);
            }
            return f;
        }
        InMemoryFeatureStore memory = FeatureStoreLoader.load(dir, FeatureStoreConfig.defaults(), log, replayProgress);
        FeatureUpdater updater = new FeatureUpdater(memory, log, metrics, clock);
        NodeFeatures f = new NodeFeatures(memory, updater, null, memory.appliedOffset() + 1);
        f.owned.add(updater);
        SnapshotScheduler snapshots = new SnapshotScheduler(memory, FeatureStoreLoader.snapshotFile(dir),
                cfg.snapshotPeriod(), cfg.snapshotMinEvents(), scheduler);
        f.owned.add(snapshots::snapshotNow);
        f.owned.add(snapshots);
        return f;
    }

    public FeatureStore store() {
        return store;
    }

    /** This node's updater, or null when `marquee update` processes apply the events. */
    public FeatureUpdater updater() {
        return updater;
    }

    /** Log offset from which this node's video index must follow upserts. */
    public long indexFrom() {
        return indexFrom;
    }

    /**
     * How the video index learns a video's dense id: the in-memory store's dictionary interns it; a shared store
     * assigns ids itself, so this waits (up to 30 s) until the store has applied the upsert and mirrors the id.
     */
    public java.util.function.ToIntFunction<String> videoIds() {
        if (redis == null) {
            return store.videos()::intern;
        }
        return videoId -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                int id = store.videos().find(videoId);
                if (id >= 0) {
                    return id;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the shared feature store has not assigned an id to video " + videoId
                            + " within 30 s (are the feature updaters running?)");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        };
    }

    /** Adds what this node knows is degraded (a shared store that is down) to a request's result. */
    public PipelineResult annotate(PipelineResult result) {
        return guarded == null ? result : result.withDegraded(guarded.health());
    }

    /** Starts applying events (after the indexes were built from the restored store). */
    public void start() {
        if (updater != null) {
            updater.start();
        }
    }

    /**
     * True once the event at {@code offset} is readable here. Without a local updater this polls the shared store's
     * newest committed offset (any writer): exact for one writer stream, best effort across Kafka partitions.
     */
    public boolean awaitApplied(long offset, Duration timeout) throws InterruptedException {
        if (updater != null) {
            return updater.awaitApplied(offset, timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (redis.readableOffset() < offset) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
    }
}
