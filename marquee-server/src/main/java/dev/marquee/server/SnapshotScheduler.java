package dev.marquee.server;

import dev.marquee.features.FeatureSnapshot;
import dev.marquee.features.InMemoryFeatureStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a feature snapshot periodically once enough new events were applied, so a restart replays only
 * the tail of the log. Runs on an injected scheduler; a failed snapshot is logged and retried next period.
 */
public final class SnapshotScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotScheduler.class);
    private final InMemoryFeatureStore store;
    private final Path file;
    private final long minNewEvents;
    private final ScheduledFuture<?> task;
    private volatile long lastOffset;

    public SnapshotScheduler(InMemoryFeatureStore store, Path file, Duration period, long minNewEvents,
                             ScheduledExecutorService scheduler) {
        this.store = store;
        this.file = file;
        this.minNewEvents = minNewEvents;
        this.lastOffset = Files.isRegularFile(file) ? store.appliedOffset() : -1;
        this.task = scheduler.scheduleWithFixedDelay(this::maybeSnapshot, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void maybeSnapshot() {
        if (store.appliedOffset() - lastOffset >= minNewEvents) {
            snapshotNow();
        }
    }

    /** Writes a snapshot now (also used at shutdown); returns the offset it covers, or -1 on failure. */
    public long snapshotNow() {
        try {
            Files.createDirectories(file.getParent());
            long t0 = System.nanoTime();
            long offset = FeatureSnapshot.write(store, file);
            lastOffset = offset;
            LOG.info("feature snapshot at offset {} written in {} ms", offset, (System.nanoTime() - t0) / 1_000_000);
            return offset;
        } catch (IOException | RuntimeException e) {
            LOG.warn("feature snapshot failed: {}", e.toString());
            return -1;
        }
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
