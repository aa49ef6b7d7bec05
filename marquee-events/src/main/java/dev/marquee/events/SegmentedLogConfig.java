package dev.marquee.events;

import java.time.Duration;

/**
 * Settings of a {@link SegmentedFileLog}, defaults in {@link #DEFAULTS}.
 *
 * @param segmentBytes       a segment rolls at the first batch boundary past this size
 * @param fsyncInterval      {@link Duration#ZERO}: fsync every batch before {@code append} returns (no
 *                           acknowledged record is lost, even on power failure); otherwise a background
 *                           fsync at this interval and {@code append} returns after the write, so a power
 *                           failure (not a process crash) can lose up to one interval of acknowledged records
 * @param indexIntervalBytes one sparse index entry per this many bytes: the most a random read scans
 * @param maxRecordBytes     largest payload accepted; larger lengths found on disk mean corruption
 */
public record SegmentedLogConfig(long segmentBytes, Duration fsyncInterval, int indexIntervalBytes, int maxRecordBytes) {
    public static final SegmentedLogConfig DEFAULTS = new SegmentedLogConfig(128L << 20, Duration.ZERO, 64 << 10, 16 << 20);

    public SegmentedLogConfig {
        if (segmentBytes < 1024 || segmentBytes > (1L << 40)) {
            throw new IllegalArgumentException("segmentBytes must be between 1 KiB and 1 TiB, got " + segmentBytes);
        }
        if (fsyncInterval.isNegative()) {
            throw new IllegalArgumentException("fsyncInterval must be ZERO (per batch) or positive, got " + fsyncInterval);
        }
        if (indexIntervalBytes < 1) {
            throw new IllegalArgumentException("indexIntervalBytes must be positive, got " + indexIntervalBytes);
        }
        if (maxRecordBytes < 1 || maxRecordBytes > (1 << 30)) {
            throw new IllegalArgumentException("maxRecordBytes must be between 1 and 1 GiB, got " + maxRecordBytes);
        }
    }

    public boolean fsyncPerBatch() {
        return fsyncInterval.isZero();
    }

    public SegmentedLogConfig withSegmentBytes(long bytes) {
        return new SegmentedLogConfig(bytes, fsyncInterval, indexIntervalBytes, maxRecordBytes);
    }

    public SegmentedLogConfig withFsyncInterval(Duration interval) {
        return new SegmentedLogConfig(segmentBytes, interval, indexIntervalBytes, maxRecordBytes);
    }

    public SegmentedLogConfig withIndexIntervalBytes(int bytes) {
        return new SegmentedLogConfig(segmentBytes, fsyncInterval, bytes, maxRecordBytes);
    }
}
