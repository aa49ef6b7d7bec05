package dev.marquee.events;

import java.util.Arrays;

/**
 * Offset → file position entries for one segment, one per {@code indexIntervalBytes} of records,
 * so a random read scans at most that many bytes. Rebuilt on open (never stored). One writer appends;
 * readers look up concurrently without locks: entries are written before the count that publishes them.
 */
final class SparseIndex {
    private volatile long[] offsets = new long[64];
    private volatile long[] positions = new long[64];
    private volatile int count;

    /** Adds an entry; offsets must increase. */
    void add(long offset, long position) {
        int n = count;
        long[] o = offsets;
        long[] p = positions;
        if (n == o.length) {
            o = Arrays.copyOf(o, n * 2);
            p = Arrays.copyOf(p, n * 2);
        }
        o[n] = offset;
        p[n] = position;
        offsets = o;
        positions = p;
        count = n + 1;
    }

    long lastPosition() {
        int n = count;
        return n == 0 ? -1 : positions[n - 1];
    }

    /** The entry with the largest offset ≤ {@code offset}; the segment's first record always has one. */
    Entry floor(long offset) {
        int n = count;
        long[] o = offsets;
        long[] p = positions;
        int i = Arrays.binarySearch(o, 0, n, offset);
        if (i < 0) {
            i = -i - 2;
        }
        if (i < 0) {
            throw new IllegalArgumentException("offset " + offset + " precedes the segment");
        }
        return new Entry(o[i], p[i]);
    }

    record Entry(long offset, long position) {
    }
}
