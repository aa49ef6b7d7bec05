package dev.marquee.events;

/**
 * The eventId hashes of the batch being appended, to catch duplicates inside one batch before they
 * reach the {@link DedupeWindow}. Reused across batches: {@link #clear} bumps a generation stamp
 * instead of wiping the table, so clearing is O(1).
 */
final class BatchIdSet {
    private long[] keys = new long[0];
    private int[] stamps = new int[0];
    private int generation;

    /** Empties the set and makes room for {@code expected} ids. */
    void clear(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        if (capacity > keys.length) {
            keys = new long[capacity];
            stamps = new int[capacity];
            generation = 0;
        }
        if (++generation == 0) {
            java.util.Arrays.fill(stamps, 0);
            generation = 1;
        }
    }

    /** Adds {@code hash}; false when it was already in the set. */
    boolean add(long hash) {
        int mask = keys.length - 1;
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            if (stamps[i] != generation) {
                stamps[i] = generation;
                keys[i] = hash;
                return true;
            }
            if (keys[i] == hash) {
                return false;
            }
        }
    }
}
