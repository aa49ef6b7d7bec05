package dev.marquee.features;

import dev.marquee.events.LogRecord;
import java.util.List;

/**
 * The write side of a feature store, driven by {@link FeatureUpdater}. Idempotence contract: a record whose
 * offset is ≤ {@link #appliedOffset()} is skipped (redelivery after a restart or a re-subscription, snapshot
 * + tail overlap), and an interaction whose event id was applied recently (a bounded window, see
 * {@link FeatureStoreConfig#eventIdWindow()}) is skipped even at a new offset (the same event appended twice).
 * Upserts and deletions are idempotent by nature (last write wins; an upload is counted once per video).
 */
public interface FeatureWriter {
    /**
     * Applies the records in order and makes them readable before returning; returns how many changed
     * state (skipped duplicates and suppressed events of deleted users are not counted). Throws
     * {@link IllegalArgumentException} naming the offset for a malformed event; the records before it stay
     * applied and {@link #appliedOffset()} points at the last good one.
     */
    int apply(List<LogRecord> batch);

    /** Offset of the last record applied and readable, -1 before the first. */
    long appliedOffset();
}
