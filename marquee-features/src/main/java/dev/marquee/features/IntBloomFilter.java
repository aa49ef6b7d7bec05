package dev.marquee.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter over {@code int} keys that probes without allocating, bit-for-bit compatible with Guava's
 * {@code BloomFilter.create(Funnels.integerFunnel(), n, p)} (strategy {@code MURMUR128_MITZ_64}): the same
 * sizing ({@code m = -n·ln p / ln²2} bits, {@code k = round(-ln p / ln 2)} hashes), the same probe sequence
 * (Kirsch and Mitzenmacher, "Less Hashing, Same Performance", ESA 2006: bit {@code (h1 + i·h2) mod m} from the
 * two halves of MurmurHash3 x64-128 of the key's four little-endian bytes, seed 0) and the same serial form.
 * Guava's filter boxes an {@code Integer} per lookup through its {@code Funnel}; on the feed path that was up
 * to 23% of a request's allocation, hence this class. Snapshots written by either read in the other.
 *
 * <p>Thread-safety: one writer ({@link #put}) and any number of concurrent readers; bits live in an
 * {@link AtomicLongArray}, so a reader sees a bit no later than the writer's next volatile publication.
 */
final class IntBloomFilter {
    /** Guava's {@code BloomFilterStrategies.MURMUR128_MITZ_64.ordinal()}, the first byte of its serial form. */
    static final int MURMUR128_MITZ_64 = 1;
    private static final double LOG_TWO = Math.log(2);
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private final AtomicLongArray bits;
    private final long bitSize;
    private final int hashes;

    private IntBloomFilter(AtomicLongArray bits, int hashes) {
        this.bits = bits;
        this.bitSize = (long) bits.length() * Long.SIZE;
        this.hashes = hashes;
    }

    /** A filter sized for {@code expected} keys at false-positive rate {@code fpp} (Guava's formulas). */
    static IntBloomFilter create(long expected, double fpp) {
        if (expected < 0) {
            throw new IllegalArgumentException("expected insertions must be >= 0, got " + expected);
        }
        if (!(fpp > 0 && fpp < 1)) {
            throw new IllegalArgumentException("false-positive rate must be in (0, 1), got " + fpp);
        }
        long n = Math.max(1, expected);
        long m = (long) (-n * Math.log(fpp) / (LOG_TWO * LOG_TWO));
        int k = Math.max(1, (int) Math.round(-Math.log(fpp) / LOG_TWO));
        long words = (m + Long.SIZE - 1) / Long.SIZE;
        if (m <= 0 || words > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot size a Bloom filter of " + m + " bits");
        }
        return new IntBloomFilter(new AtomicLongArray((int) words), k);
    }

    /** False means {@code key} was certainly never put. */
    boolean mightContain(int key) {
        return visit(key, false);
    }

    /** Sets {@code key}'s bits; single writer only. */
    void put(int key) {
        visit(key, true);
    }

    int hashFunctions() {
        return hashes;
    }

    long bitSize() {
        return bitSize;
    }

    /** Walks the key's k bit positions; reads them, or sets them when {@code set}. Allocation-free. */
    private boolean visit(int key, boolean set) {
        // MurmurHash3_x64_128 of 4 bytes, seed 0: only the tail block (k1 = the bytes, k2 = 0), then finalisation.
        long k1 = key & 0xFFFFFFFFL;
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= C2;
        long h1 = k1 ^ Integer.BYTES;
        long h2 = Integer.BYTES;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        h2 += h1;
        long combined = h1;
        for (int i = 0; i < hashes; i++) {
            long bit = (combined & Long.MAX_VALUE) % bitSize;
            int word = (int) (bit >>> 6);
            long mask = 1L << bit;
            if (set) {
                bits.set(word, bits.get(word) | mask); // single writer: no CAS needed
            } else if ((bits.get(word) & mask) == 0) {
                return false;
            }
            combined += h2;
        }
        return true;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** Guava's serial form: strategy ordinal byte, hash-count byte, word count, then the words big-endian. */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeByte(MURMUR128_MITZ_64);
        out.writeByte(hashes);
        out.writeInt(bits.length());
        for (int i = 0; i < bits.length(); i++) {
            out.writeLong(bits.get(i));
        }
    }

    /** Reads {@link #writeTo}'s form (also what Guava's {@code BloomFilter.writeTo} wrote for int keys). */
    static IntBloomFilter readFrom(DataInputStream in) throws IOException {
        int strategy = in.readByte();
        if (strategy != MURMUR128_MITZ_64) {
            throw new IOException("snapshot corrupt or unsupported: Bloom strategy " + strategy
                    + ", expected " + MURMUR128_MITZ_64 + " (Guava MURMUR128_MITZ_64)");
        }
        int k = in.readUnsignedByte();
        int words = in.readInt();
        if (k < 1 || words < 1) {
            throw new IOException("snapshot corrupt: Bloom filter with " + k + " hashes over " + words + " words");
        }
        AtomicLongArray bits = new AtomicLongArray(words);
        for (int i = 0; i < words; i++) {
            bits.set(i, in.readLong());
        }
        return new IntBloomFilter(bits, k);
    }
}
