package dev.marquee.features;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Packed metadata ({@link PackedVideo}) of videos by dense id, {@value #BLOCK} consecutive ids to one
 * {@code byte[]}: each entry is a varint length then its bytes (length 0: none). One array per block instead of
 * one per video saves the per-array header and padding (~20 B a video at 1M, issue #13); a read skips at most
 * {@value #BLOCK} - 1 lengths.
 *
 * <p>Copy-on-write: the single writer builds a new block and publishes it with release semantics; readers load
 * blocks with acquire, so they see a whole block, old or new. The block array itself is grown by the writer and
 * read through the owner's happens-before (see {@link VideoColumns}).
 */
final class MetadataBlocks {
    static final int SHIFT = 4;
    static final int BLOCK = 1 << SHIFT;
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(byte[][].class);

    private byte[][] blocks = new byte[0][];

    /** Makes room for ids below {@code videos} (writer only). */
    void ensure(int videos) {
        int need = (videos + BLOCK - 1) >>> SHIFT;
        if (need > blocks.length) {
            blocks = Arrays.copyOf(blocks, need);
        }
    }

    /** Sets the packed metadata of {@code video} (writer only; {@link #ensure} first). */
    void put(int video, byte[] packed) {
        int b = video >>> SHIFT;
        int entry = video & (BLOCK - 1);
        byte[] old = (byte[]) ELEMENT.getAcquire(blocks, b);
        byte[] block;
        if (old == null) {
            block = new byte[(BLOCK - 1) + varintSize(packed.length) + packed.length];
            int at = 0;
            for (int i = 0; i < BLOCK; i++) {
                at = i == entry ? writeEntry(block, at, packed) : writeVarint(block, at, 0);
            }
        } else {
            int from = skip(old, entry); // start of the old entry
            int to = skip(old, from, 1); // its end
            block = new byte[old.length - (to - from) + varintSize(packed.length) + packed.length];
            System.arraycopy(old, 0, block, 0, from);
            int at = writeEntry(block, from, packed);
            System.arraycopy(old, to, block, at, old.length - to);
        }
        ELEMENT.setRelease(blocks, b, block);
    }

    /** The block holding {@code video} (which must be below the ensured size), or null. */
    byte[] block(int video) {
        return (byte[]) ELEMENT.getAcquire(blocks, video >>> SHIFT);
    }

    /** Offset in {@code block} of {@code video}'s bytes, or -1 when it has none. */
    static int start(byte[] block, int video) {
        int at = skip(block, video & (BLOCK - 1));
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = block[at++];
            length |= (b & 0x7F) << shift;
            if (b >= 0) {
                return length == 0 ? -1 : at;
            }
        }
    }

    /** Bytes held, headers included (for estimates). */
    long bytes() {
        long b = 16 + 4L * blocks.length;
        for (byte[] block : blocks) {
            b += block == null ? 0 : 16 + (block.length + 7 & ~7);
        }
        return b;
    }

    private static int skip(byte[] block, int entries) {
        return skip(block, 0, entries);
    }

    /** The offset after {@code entries} entries from {@code at}. */
    private static int skip(byte[] block, int at, int entries) {
        for (int i = 0; i < entries; i++) {
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = block[at++];
                length |= (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
            }
            at += length;
        }
        return at;
    }

    private static int writeEntry(byte[] block, int at, byte[] packed) {
        at = writeVarint(block, at, packed.length);
        System.arraycopy(packed, 0, block, at, packed.length);
        return at + packed.length;
    }

    private static int writeVarint(byte[] block, int at, int v) {
        while ((v & ~0x7F) != 0) {
            block[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        block[at++] = (byte) v;
        return at;
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v & ~0x7F) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }
}
