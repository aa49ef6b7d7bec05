package dev.marquee.server;

import dev.marquee.events.EventLog;
import dev.marquee.features.FeatureSnapshot;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores the in-memory feature store at start: the newest snapshot (if readable) plus a replay of the
 * log's tail, which gives exactly the state of a full replay. A corrupt snapshot is logged and ignored:
 * the log is the source of truth, so the store is rebuilt from offset 0 instead.
 */
public final class FeatureStoreLoader {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureStoreLoader.class);
    public static final String SNAPSHOT_FILE = "features.snapshot";

    private FeatureStoreLoader() {
    }

    public static Path snapshotFile(DataDir dir) {
        return dir.snapshots().resolve(SNAPSHOT_FILE);
    }

    public static InMemoryFeatureStore load(DataDir dir, FeatureStoreConfig config, EventLog log, LongConsumer progress) {
        InMemoryFeatureStore store = null;
        Path snap = snapshotFile(dir);
        if (Files.isRegularFile(snap)) {
            try {
                store = FeatureSnapshot.read(snap, config);
                LOG.info("feature snapshot restored at offset {}", store.appliedOffset());
            } catch (IOException | RuntimeException e) {
                LOG.warn("feature snapshot {} unusable ({}); rebuilding from the event log", snap, e.getMessage());
            }
        }
        if (store != null && store.appliedOffset() >= log.endOffset()) {
            LOG.warn("feature snapshot is ahead of the event log ({} ≥ {}); rebuilding from the log",
                    store.appliedOffset(), log.endOffset());
            store = null;
        }
        if (store == null) {
            store = new InMemoryFeatureStore(config);
        }
        long replayed = Replay.into(store, log, progress);
        LOG.info("feature store ready at offset {} ({} events replayed)", store.appliedOffset(), replayed);
        return store;
    }
}
