package dev.marquee.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * 64-bit hash of an eventId's UTF-8 bytes, the key of the dedupe window. Design: MurmurHash3-style
 * word mixing (multiply, rotate, multiply) over little-endian 8-byte words, then Appleby's fmix64
 * finalizer for avalanche. Two distinct ids collide with probability about 2^-64 per pair, so over a
 * window of n ids a false "duplicate" has probability about n^2 / 2^65 (1e-7 at 2 million ids).
 */
final class EventIdHash {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private EventIdHash() {
    }

    static long hash(byte[] b, int off, int len) {
        long h = seed(len);
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            h = step(h, (long) LONGS.get(b, off + i));
        }
        long tail = 0;
        for (int k = len - 1; k >= i; k--) {
            tail = (tail << 8) | (b[off + k] & 0xFF);
        }
        return fmix64(h ^ mix(tail));
    }

    private static long seed(int len) {
        return 0x9E3779B97F4A7C15L ^ (len * C1);
    }

    private static long step(long h, long word) {
        return Long.rotateLeft(h ^ mix(word), 27) * 5 + 0x52dce729;
    }

    private static long mix(long k) {
        k *= C1;
        k = Long.rotateLeft(k, 31);
        return k * C2;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb33f1a85ec53L;
        return k ^ (k >>> 33);
    }
}
