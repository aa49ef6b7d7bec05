package dev.marquee.events.kafka;

/**
 * Packs a Kafka position (partition, offset within the partition) into the one {@code long} that
 * {@link dev.marquee.events.LogRecord#offset()} carries: {@code partition << 40 | partitionOffset}. 40 bits hold
 * 1.1 trillion records per partition, the 23 bits above (sign bit kept clear) 8 million partitions. With one
 * partition the packed offsets are the partition's own offsets, dense from 0; with several they are unique and
 * totally ordered partition-major (all of partition 0, then partition 1, ...), which is the order
 * {@link KafkaEventLog#read} walks.
 */
public final class KafkaOffsets {
    /** Bits of the within-partition offset. */
    public static final int OFFSET_BITS = 40;
    /** Largest within-partition offset that can be packed. */
    public static final long MAX_PARTITION_OFFSET = (1L << OFFSET_BITS) - 1;
    /** Largest partition number that can be packed. */
    public static final int MAX_PARTITION = (1 << (63 - OFFSET_BITS)) - 1;

    private KafkaOffsets() {
    }

    /** The packed offset; throws IllegalArgumentException when either part is out of range. */
    public static long encode(int partition, long partitionOffset) {
        if (partition < 0 || partition > MAX_PARTITION) {
            throw new IllegalArgumentException("partition must be in [0, " + MAX_PARTITION + "], got " + partition);
        }
        if (partitionOffset < 0 || partitionOffset > MAX_PARTITION_OFFSET) {
            throw new IllegalArgumentException("partition offset must be in [0, 2^40), got " + partitionOffset);
        }
        return ((long) partition << OFFSET_BITS) | partitionOffset;
    }

    /** The partition of a packed offset (which must be non-negative). */
    public static int partition(long packed) {
        requireValid(packed);
        return (int) (packed >>> OFFSET_BITS);
    }

    /** The within-partition offset of a packed offset (which must be non-negative). */
    public static long partitionOffset(long packed) {
        requireValid(packed);
        return packed & MAX_PARTITION_OFFSET;
    }

    private static void requireValid(long packed) {
        if (packed < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + packed);
        }
    }
}
