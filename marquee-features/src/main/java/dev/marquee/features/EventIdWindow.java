package dev.marquee.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Remembers the 64-bit hashes of the last {@code capacity} interaction event ids so an interaction that was
 * appended to the log twice (a client retry outside the log's own dedupe window, or two partitions) is
 * applied once. Hash: FNV-1a over the UTF-16 code units, finished with the MurmurHash3 fmix64 mixer;
 * with 2^20 remembered ids a false "duplicate" needs a 64-bit collision (probability ≈ 2^-24 per window).
 * FIFO ring of hashes plus an open-addressing index of ring positions (linear probing, backward-shift
 * deletion, load ≤ 3/4, 2^k - 4 slots so that with its header the array fills whole G1 regions): an
 * {@code int} slot per entry instead of a second copy of the {@code long} hash (8 MB instead of 16 MB of index
 * at 2^20 ids, issue #13). Writer-only, part of snapshots so replays stay exact.
 */
final class EventIdWindow {
    private final long[] ring;
    private final int maxTable;
    /** Ring position + 1 of each remembered hash, 0 for an empty slot. */
    private int[] slots;
    private int head;
    private int size;

    EventIdWindow(int capacity) {
        ring = new long[capacity];
        maxTable = tableFor(capacity);
        slots = new int[Math.min(maxTable, (1 << 16) - 4)];
    }

    /** Records {@code eventId}; false when it was already seen within the window (a duplicate to skip). */
    boolean firstSighting(String eventId) {
        long h = hash(eventId);
        if (find(h) >= 0) {
            return false;
        }
        if (size == ring.length) {
            remove(head);
        } else {
            size++;
            if (size > slots.length / 4 * 3 && slots.length < maxTable) {
                rehash(grown(), Math.floorMod(head - (size - 1), ring.length), size - 1);
            }
        }
        ring[head] = h;
        insert(head);
        head = (head + 1) % ring.length;
        return true;
    }

    /** The slot remembering {@code h}, or -1. */
    private int find(long h) {
        for (int i = home(h); ; i = next(i)) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            if (ring[s - 1] == h) {
                return i;
            }
        }
    }

    /** Indexes ring position {@code position} (its hash is absent). */
    private void insert(int position) {
        int i = home(ring[position]);
        while (slots[i] != 0) {
            i = next(i);
        }
        slots[i] = position + 1;
    }

    /** Forgets ring position {@code position}; a no-op when it is not indexed. */
    private void remove(int position) {
        int i = home(ring[position]);
        while (slots[i] != position + 1) {
            if (slots[i] == 0) {
                return;
            }
            i = next(i);
        }
        for (int j = next(i); slots[j] != 0; j = next(j)) {
            int k = home(ring[slots[j] - 1]);
            boolean stays = i <= j ? i < k && k <= j : i < k || k <= j; // k cyclically in (i, j]
            if (!stays) {
                slots[i] = slots[j];
                i = j;
            }
        }
        slots[i] = 0;
    }

    /** A table of {@code length} slots indexing the {@code count} ring positions from {@code first}. */
    private void rehash(int length, int first, int count) {
        slots = new int[length];
        for (int n = 0, p = first; n < count; n++, p = (p + 1) % ring.length) {
            if (find(ring[p]) < 0) {
                insert(p);
            }
        }
    }

    /** The first slot to probe: the hash's top 32 bits scaled to the table length. */
    private int home(long h) {
        return (int) (((h >>> 32) * slots.length) >>> 32);
    }

    private int next(int i) {
        return i + 1 == slots.length ? 0 : i + 1;
    }

    private int grown() {
        return (Integer.highestOneBit(slots.length) << 2) - 4;
    }

    private static int tableFor(int capacity) {
        int t = 28;
        while (t / 4 * 3 < capacity && t < (1 << 30) - 4) {
            t = (Integer.highestOneBit(t) << 2) - 4;
        }
        return t;
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = s.length(); i < n; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    long estimateBytes() {
        return 8L * ring.length + 4L * slots.length + 64;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(ring[Math.floorMod(head - size + i, ring.length)]);
        }
    }

    void readFrom(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > ring.length) {
            throw new IOException("snapshot corrupt: event id window " + n + " outside [0, " + ring.length + "]");
        }
        for (int i = 0; i < n; i++) {
            long h = in.readLong();
            boolean seen = find(h) >= 0; // never written twice; as a set, a repeat is indexed once
            ring[i] = h;
            size = i + 1;
            if (size > slots.length / 4 * 3 && slots.length < maxTable) {
                rehash(grown(), 0, i);
            }
            if (!seen) {
                insert(i);
            }
        }
        head = n % ring.length;
    }
}
