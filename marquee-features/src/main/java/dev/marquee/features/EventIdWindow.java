package dev.marquee.features;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Remembers the 64-bit hashes of the last {@code capacity} interaction event ids so an interaction that was
 * appended to the log twice (a client retry outside the log's own dedupe window, or two partitions) is
 * applied once. Hash: FNV-1a over the UTF-16 code units, finished with the MurmurHash3 fmix64 mixer;
 * with 2^20 remembered ids a false "duplicate" needs a 64-bit collision (probability ≈ 2^-24 per window).
 * FIFO ring + primitive hash set, writer-only, part of snapshots so replays stay exact.
 */
final class EventIdWindow {
    private final long[] ring;
    private final LongOpenHashSet present;
    private int head;
    private int size;

    EventIdWindow(int capacity) {
        ring = new long[capacity];
        present = new LongOpenHashSet(Math.min(capacity, 1 << 16));
    }

    /** Records {@code eventId}; false when it was already seen within the window (a duplicate to skip). */
    boolean firstSighting(String eventId) {
        long h = hash(eventId);
        if (!present.add(h)) {
            return false;
        }
        if (size == ring.length) {
            present.remove(ring[head]);
        } else {
            size++;
        }
        ring[head] = h;
        head = (head + 1) % ring.length;
        return true;
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
        return 8L * ring.length + 16L * present.size() + 64;
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
            present.add(h);
            ring[i] = h;
        }
        size = n;
        head = n % ring.length;
    }
}
