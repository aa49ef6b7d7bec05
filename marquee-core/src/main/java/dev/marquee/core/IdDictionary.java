package dev.marquee.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;

/**
 * Maps opaque external ids (≤ 128 chars) to dense ints so hot paths index arrays instead of hashing
 * strings. Append-only and thread-safe: an id keeps its int for the life of the process; readers of
 * {@link #find} and {@link #external(int)} never block.
 *
 * <p>Memory: the external ids live once, in the dense-order array; the hash index is a primitive
 * open-addressing table of ints (linear probing, load ≤ 3/4) whose slots hold {@code dense + 1} in the low
 * bits and a tag of the id's hash in the bits the table size leaves free, so a probe compares strings only
 * when the tags match. About 8 B of table per id instead of a {@code ConcurrentHashMap} node and a boxed
 * {@code Integer} (~56 B): this dictionary holds every video and user id of the serving process (issue #13).
 *
 * <p>Concurrency: one writer at a time (this object's monitor), lock-free readers. The writer stores the
 * external id before it publishes the slot with release semantics, and readers load slots with acquire, so a
 * reader that finds a slot sees its id; a grown table is filled completely before it is published through a
 * volatile field. A reader racing an {@link #intern} of the same id may miss it (as with any concurrent map).
 */
public final class IdDictionary {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int MAX_TABLE = 1 << 30;

    private volatile int[] table;
    private volatile String[] toExternal;
    private volatile int size;

    public IdDictionary(int expected) {
        int want = Math.max(16, expected);
        table = new int[tableFor(want)];
        toExternal = new String[want];
    }

    /** The dense id of {@code id}, assigning the next one if it is new. */
    public int intern(String id) {
        Objects.requireNonNull(id, "id");
        int known = find(id);
        if (known >= 0) {
            return known;
        }
        synchronized (this) {
            int h = mix(id.hashCode());
            int[] t = table;
            int free = probe(t, toExternal, id, h);
            if (free >= 0) {
                return free;
            }
            int dense = size;
            if (dense + 1 > (t.length >> 2) * 3) {
                if (t.length == MAX_TABLE) {
                    throw new IllegalStateException("dictionary full at " + dense + " ids");
                }
                t = rehash(t.length << 1, dense);
                table = t;
                free = probe(t, toExternal, id, h);
            }
            String[] arr = toExternal;
            if (dense == arr.length) {
                arr = Arrays.copyOf(arr, arr.length + (arr.length >> 1) + 16);
                arr[dense] = id;
                toExternal = arr;
            } else {
                arr[dense] = id;
            }
            SLOT.setRelease(t, -free - 1, slot(dense, h, t.length));
            size = dense + 1;
            return dense;
        }
    }

    /** The dense id of {@code id}, or -1 when it was never interned. */
    public int find(String id) {
        if (id == null) {
            return -1;
        }
        int found = probe(table, null, id, mix(id.hashCode()));
        return Math.max(found, -1);
    }

    public String external(int dense) {
        String[] arr = toExternal;
        String id = dense < 0 || dense >= arr.length ? null : arr[dense];
        if (id == null) {
            throw new IllegalArgumentException("unknown dense id " + dense);
        }
        return id;
    }

    public int size() {
        return size;
    }

    /**
     * The dense id of {@code id} in {@code t} if present (≥ 0), else {@code -(free slot) - 1}. Readers pass
     * {@code ext == null} and read the external array after the slot's acquire; the writer passes its own.
     */
    private int probe(int[] t, String[] ext, String id, int h) {
        int mask = t.length - 1;
        int tag = tag(h, t.length);
        for (int i = home(h, t.length); ; i = (i + 1) & mask) {
            int s = (int) SLOT.getAcquire(t, i);
            if (s == 0) {
                return -i - 1;
            }
            if ((s & ~mask) == tag) {
                int dense = (s & mask) - 1;
                String[] arr = ext != null ? ext : toExternal;
                if (id.equals(arr[dense])) {
                    return dense;
                }
            }
        }
    }

    /** A table of {@code length} slots holding ids {@code [0, count)}; writer only, published by the caller. */
    private int[] rehash(int length, int count) {
        int[] t = new int[length];
        int mask = length - 1;
        String[] arr = toExternal;
        for (int dense = 0; dense < count; dense++) {
            int h = mix(arr[dense].hashCode());
            int i = home(h, length);
            while (t[i] != 0) {
                i = (i + 1) & mask;
            }
            t[i] = slot(dense, h, length);
        }
        return t;
    }

    /** {@code dense + 1} (below the table length, as load ≤ 3/4) under the hash's tag. */
    private static int slot(int dense, int h, int length) {
        return tag(h, length) | (dense + 1);
    }

    /** The first slot to probe: the hash's top bits. */
    private static int home(int h, int length) {
        return h >>> (32 - Integer.numberOfTrailingZeros(length));
    }

    /** The hash's low bits, moved above the bits a dense id needs in a table of {@code length} slots. */
    private static int tag(int h, int length) {
        return h << Integer.numberOfTrailingZeros(length);
    }

    private static int tableFor(int expected) {
        long need = (long) expected * 4 / 3 + 1;
        return (int) Math.min(MAX_TABLE, Long.highestOneBit(Math.max(16, need - 1)) << 1);
    }

    /** Murmur3's finaliser: the home slot uses the top bits, the tag the low ones, both well mixed. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
