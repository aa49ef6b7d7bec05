package dev.marquee.events;

import java.time.Duration;

/**
 * The eventIds seen within the last {@code window} of event time, for idempotent appends. Design: one
 * open-addressing table (linear probing) of 8-byte slots, each a 56-bit fingerprint of the id's
 * {@link EventIdHash} plus the 8-bit time bucket (window/24) of its event; entries older than the
 * newest bucket minus 24 count as absent and are dropped when the table is rebuilt (at 3/4 load), so
 * there are no per-entry deletes and a lookup is one short probe sequence, usually one cache line.
 * Trade-offs, chosen to keep memory bounded and appends fast:
 * <ul>
 * <li>the window is measured against the newest event time seen, at bucket granularity (it spans 24
 *     to 25 buckets); an eventId older than that can be appended again;</li>
 * <li>at most {@code maxIds} ids are kept (8 to 16 bytes each); past that the oldest buckets are
 *     forgotten early, so under overload the effective window shrinks rather than memory growing;</li>
 * <li>fingerprints, not ids, are kept: a new id is wrongly taken for a duplicate with probability
 *     about n / 2^56 with n ids in the window (5e-11 at 4 million).</li>
 * </ul>
 * Buckets are stored modulo 256, so the table is purged before the newest bucket moves 200 past the
 * oldest one it may hold. Not thread-safe: the log's writer lock guards it.
 */
final class DedupeWindow {
    private static final int BUCKETS = 24;
    private static final int PURGE_DISTANCE = 200;
    private static final int MIN_CAPACITY = 1 << 10;

    private final long bucketMillis;
    private final int maxIds;
    private long[] slots = new long[MIN_CAPACITY];
    private int used;
    private long newest = Long.MIN_VALUE;
    private long floor = Long.MIN_VALUE;
    private long oldestHeld = Long.MAX_VALUE;

    DedupeWindow(Duration window, int maxIds) {
        this.bucketMillis = Math.max(1, window.toMillis() / BUCKETS);
        this.maxIds = maxIds;
    }

    /** Whether an id with this hash was added and is still inside the window. */
    boolean contains(long hash) {
        long fp = fingerprint(hash);
        int mask = slots.length - 1;
        for (int i = (int) fp & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) {
                return false;
            }
            if (s >>> 8 == fp) {
                return bucketOf(s) >= floor;
            }
        }
    }

    /** Remembers an id whose event time is {@code eventMillis}; ids already outside the window are ignored. */
    void add(long hash, long eventMillis) {
        long b = Math.floorDiv(eventMillis, bucketMillis);
        if (b > newest) {
            floor = Math.max(floor, b - BUCKETS);
            if (used > 0 && b - oldestHeld >= PURGE_DISTANCE) {
                rebuild();
            }
            newest = b;
        }
        if (b < floor) {
            return;
        }
        long fp = fingerprint(hash);
        int mask = slots.length - 1;
        int i = (int) fp & mask;
        for (long s = slots[i]; s != 0; s = slots[i]) {
            if (s >>> 8 == fp) {
                if (b > bucketOf(s)) {
                    slots[i] = (fp << 8) | (b & 0xFF);
                }
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = (fp << 8) | (b & 0xFF);
        oldestHeld = Math.min(oldestHeld, b);
        if (++used > slots.length / 4 * 3) {
            rebuild();
        }
    }

    /** Slots in use, including entries that expired but were not purged yet. */
    int size() {
        return used;
    }

    private static long fingerprint(long hash) {
        long fp = hash >>> 8;
        return fp == 0 ? 1 : fp;
    }

    /** The absolute bucket of a slot; exact because every held bucket is within 200 of {@link #newest}. */
    private long bucketOf(long slot) {
        return newest - ((newest - slot) & 0xFF);
    }

    private void rebuild() {
        int[] perBucket = new int[BUCKETS + 1];
        int live = 0;
        for (long s : slots) {
            if (s != 0 && bucketOf(s) >= floor) {
                perBucket[(int) (bucketOf(s) - floor)]++;
                live++;
            }
        }
        long scanFloor = floor;
        while (live > maxIds && floor < newest) {
            live -= perBucket[(int) (floor - scanFloor)];
            floor++;
        }
        boolean forgetAll = live > maxIds;
        long[] old = slots;
        slots = new long[Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, forgetAll ? 0 : live) * 2 - 1) << 1)];
        used = 0;
        oldestHeld = Long.MAX_VALUE;
        if (forgetAll) {
            return;
        }
        int mask = slots.length - 1;
        for (long s : old) {
            if (s != 0 && bucketOf(s) >= floor) {
                int i = (int) (s >>> 8) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
                oldestHeld = Math.min(oldestHeld, bucketOf(s));
                used++;
            }
        }
    }
}
