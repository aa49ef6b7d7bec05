package dev.marquee.events;

import java.time.Duration;

/**
 * Settings of a {@link FileEventLog}; defaults in {@link #DEFAULTS}: 128 MiB segments, fsync per batch,
 * a 24 h dedupe window tracking at most 4 million eventIds (a table of at most 64 MB).
 *
 * @param log                segment files and fsync policy
 * @param dedupeWindow       how far back in event time a repeated eventId is recognised
 * @param maxTrackedEventIds memory bound of the dedupe window; past it the window shrinks (see {@link DedupeWindow})
 * @param subscriptionBatch  most records handed to a subscriber per call
 */
public record FileEventLogConfig(SegmentedLogConfig log, Duration dedupeWindow, int maxTrackedEventIds, int subscriptionBatch) {
    public static final FileEventLogConfig DEFAULTS =
            new FileEventLogConfig(SegmentedLogConfig.DEFAULTS, Duration.ofHours(24), 4_000_000, 4096);

    public FileEventLogConfig {
        if (dedupeWindow.isNegative() || dedupeWindow.isZero()) {
            throw new IllegalArgumentException("dedupeWindow must be positive, got " + dedupeWindow);
        }
        if (maxTrackedEventIds < 1 || maxTrackedEventIds > (1 << 26)) {
            throw new IllegalArgumentException("maxTrackedEventIds must be between 1 and 2^26, got " + maxTrackedEventIds);
        }
        if (subscriptionBatch < 1) {
            throw new IllegalArgumentException("subscriptionBatch must be positive, got " + subscriptionBatch);
        }
    }

    public FileEventLogConfig withLog(SegmentedLogConfig newLog) {
        return new FileEventLogConfig(newLog, dedupeWindow, maxTrackedEventIds, subscriptionBatch);
    }

    public FileEventLogConfig withDedupeWindow(Duration window) {
        return new FileEventLogConfig(log, window, maxTrackedEventIds, subscriptionBatch);
    }

    public FileEventLogConfig withMaxTrackedEventIds(int max) {
        return new FileEventLogConfig(log, dedupeWindow, max, subscriptionBatch);
    }
}
