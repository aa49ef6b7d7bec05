package dev.marquee.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Maps opaque external ids (≤ 128 chars) to dense ints so hot paths index arrays instead of hashing
 * strings. Append-only and thread-safe: an id keeps its int for the life of the process; readers of
 * {@link #find} and {@link #external(int)} never block.
 *
 * <p>Memory (this dictionary holds every video and user id of the serving process, issue #13): the ids are
 * stored once, as bytes appended to one array (one per char when every char fits, else two), with one
 * {@code int} end offset per id; the hash index is a primitive open-addressing table of ints (linear probing,
 * load ≤ 3/4, 2^k - 4 slots) whose slots hold {@code dense + 1} in the low bits and a tag of the id's hash in the bits the
 * table size leaves free, so a probe compares an id's chars only when the tags match. About 20 B per 7-char
 * id instead of ~110 B for a {@code ConcurrentHashMap} node, a boxed {@code Integer} and a {@code String}.
 * {@link #external(int)} therefore builds a fresh {@code String} per call (callers render or hash a few per
 * request).
 *
 * <p>Concurrency: one writer at a time (this object's monitor), lock-free readers. The writer appends the
 * id's bytes and end offset, publishes grown arrays through volatile fields, then publishes the slot with
 * release semantics and the size last; readers load slots with acquire before they read the arrays, so a
 * reader that finds a slot (or reads a size) sees its id. A grown table is filled completely before it is
 * published. A reader racing an {@link #intern} of the same id may miss it (as with any concurrent map).
 */
public final class IdDictionary {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(int[].class);
    /**
     * Table lengths are 2^k - 4 ints: with the array's 16-byte header exactly 2^(k+2) bytes. G1 allocates an
     * array of half a region or more in whole regions (ZGC large ones in whole 2 MB granules), so a 2^k-int
     * table (8 MB + 16 B at 1M ids) would take a whole extra region.
     */
    private static final int HEADER_INTS = 4;
    private static final int MAX_BITS = 30;
    /** Set in an end offset when that id is stored as UTF-16 (two bytes per char, big-endian). */
    private static final int WIDE = 1 << 31;
    /** Set in every written end offset: tells an assigned id from an unwritten slot of the array. */
    private static final int SET = 1 << 30;
    /** The offset bits of an end offset: at most 1 GiB of ids. */
    private static final int OFFSET = SET - 1;

    private volatile int[] table;
    /** End offset in {@link #bytes} of each id (its start is the previous id's end), with flag bits. */
    private volatile int[] ends;
    private volatile byte[] bytes;
    private volatile int size;

    public IdDictionary(int expected) {
        int want = Math.max(16, expected);
        table = new int[tableFor(want)];
        ends = new int[want];
        bytes = new byte[want * 8];
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
            int free = probe(t, id, h);
            if (free >= 0) {
                return free;
            }
            int dense = size;
            if (dense + 1 > (t.length >> 2) * 3) {
                int bits = bits(t.length);
                if (bits == MAX_BITS) {
                    throw new IllegalStateException("dictionary full at " + dense + " ids");
                }
                t = rehash((1 << (bits + 1)) - HEADER_INTS, dense);
                table = t;
                free = probe(t, id, h);
            }
            append(dense, id);
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
        return Math.max(probe(table, id, mix(id.hashCode())), -1);
    }

    /** The external id of {@code dense} (a new {@code String} equal to the interned one). */
    public String external(int dense) {
        int[] e = ends;
        if (dense < 0 || dense >= e.length || (e[dense] & SET) == 0) {
            throw new IllegalArgumentException("unknown dense id " + dense);
        }
        byte[] b = bytes;
        int start = start(e, dense);
        int end = e[dense] & OFFSET;
        if ((e[dense] & WIDE) == 0) {
            return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[(end - start) / 2];
        for (int i = 0, at = start; i < chars.length; i++, at += 2) {
            chars[i] = (char) ((b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF));
        }
        return new String(chars);
    }

    public int size() {
        return size;
    }

    /** Writer only: stores {@code id}'s bytes and end offset as entry {@code dense}, growing the arrays. */
    private void append(int dense, String id) {
        int n = id.length();
        boolean wide = false;
        for (int i = 0; i < n && !wide; i++) {
            wide = id.charAt(i) > 0xFF;
        }
        int[] e = ends;
        byte[] b = bytes;
        int start = start(e, dense);
        int end = start + (wide ? 2 * n : n);
        if (end > OFFSET || end < 0) {
            throw new IllegalStateException("dictionary full at " + dense + " ids (" + start + " bytes)");
        }
        if (end > b.length) {
            b = Arrays.copyOf(b, (int) Math.min(OFFSET, Math.max(end, b.length + (long) (b.length >> 1) + 64)));
        }
        for (int i = 0, at = start; i < n; i++) { // chars as they are: no charset replaces unpaired surrogates
            char c = id.charAt(i);
            if (wide) {
                b[at++] = (byte) (c >> 8);
            }
            b[at++] = (byte) c;
        }
        if (dense == e.length) {
            e = Arrays.copyOf(e, e.length + (e.length >> 1) + 16);
        }
        e[dense] = end | SET | (wide ? WIDE : 0);
        bytes = b;
        ends = e;
    }

    private static int start(int[] ends, int dense) {
        return dense == 0 ? 0 : ends[dense - 1] & OFFSET;
    }

    /**
     * The dense id of {@code id} in {@code t} if present (≥ 0), else {@code -(free slot) - 1}. The id arrays are
     * read after the slot's acquire, so they hold every id a found slot names.
     */
    private int probe(int[] t, String id, int h) {
        int low = (1 << bits(t.length)) - 1; // the bits of dense + 1
        int tag = tag(h, t.length);
        for (int i = home(h, t.length); ; i = i + 1 == t.length ? 0 : i + 1) {
            int s = (int) SLOT.getAcquire(t, i);
            if (s == 0) {
                return -i - 1;
            }
            if ((s & ~low) == tag && matches((s & low) - 1, id)) {
                return (s & low) - 1;
            }
        }
    }

    /** Whether stored entry {@code dense} is {@code id}, char by char, without building a String. */
    private boolean matches(int dense, String id) {
        int[] e = ends;
        byte[] b = bytes;
        int start = start(e, dense);
        int end = e[dense] & OFFSET;
        int n = id.length();
        if ((e[dense] & WIDE) == 0) {
            if (end - start != n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (id.charAt(i) != (char) (b[start + i] & 0xFF)) {
                    return false;
                }
            }
            return true;
        }
        if (end - start != 2 * n) {
            return false;
        }
        for (int i = 0, at = start; i < n; i++, at += 2) {
            if (id.charAt(i) != (char) ((b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF))) {
                return false;
            }
        }
        return true;
    }

    /** {@code String.hashCode()} of stored entry {@code dense}, from its bytes (writer only, for rehashing). */
    private int storedHash(int[] e, byte[] b, int dense) {
        int start = start(e, dense);
        int end = e[dense] & OFFSET;
        int h = 0;
        if ((e[dense] & WIDE) == 0) {
            for (int at = start; at < end; at++) {
                h = 31 * h + (b[at] & 0xFF);
            }
        } else {
            for (int at = start; at < end; at += 2) {
                h = 31 * h + ((b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF));
            }
        }
        return h;
    }

    /** A table of {@code length} slots holding ids {@code [0, count)}; writer only, published by the caller. */
    private int[] rehash(int length, int count) {
        int[] t = new int[length];
        int[] e = ends;
        byte[] b = bytes;
        for (int dense = 0; dense < count; dense++) {
            int h = mix(storedHash(e, b, dense));
            int i = home(h, length);
            while (t[i] != 0) {
                i = i + 1 == length ? 0 : i + 1;
            }
            t[i] = slot(dense, h, length);
        }
        return t;
    }

    /** {@code dense + 1} (below the table length, as load ≤ 3/4) under the hash's tag. */
    private static int slot(int dense, int h, int length) {
        return tag(h, length) | (dense + 1);
    }

    /** The first slot to probe: the hash scaled to the table length (its top bits decide). */
    private static int home(int h, int length) {
        return (int) (((h & 0xFFFF_FFFFL) * length) >>> 32);
    }

    /** The hash's low bits, moved above the bits a dense id needs in a table of {@code length} slots. */
    private static int tag(int h, int length) {
        return h << bits(length);
    }

    /** k for a table of 2^k - 4 slots: dense + 1 (below the length) fits in k bits. */
    private static int bits(int length) {
        return 32 - Integer.numberOfLeadingZeros(length);
    }

    private static int tableFor(int expected) {
        int bits = 5;
        while (bits < MAX_BITS && (((1 << bits) - HEADER_INTS) >> 2) * 3 < expected) {
            bits++;
        }
        return (1 << bits) - HEADER_INTS;
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
