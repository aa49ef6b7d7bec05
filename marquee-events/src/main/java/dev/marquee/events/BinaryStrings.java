package dev.marquee.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Varints and length-prefixed UTF-8 strings on heap buffers. Short ASCII strings (nearly all ids) are
 * copied char by char straight into the backing array in one pass, without the temporary byte[] of
 * {@code getBytes}; anything else takes the general UTF-8 path.
 */
final class BinaryStrings {
    private BinaryStrings() {
    }

    /** Upper bound of the encoded size of {@code s} (null allowed). */
    static int maxSize(String s) {
        return s == null ? 1 : 5 + 3 * s.length();
    }

    static void write(ByteBuffer out, String s, String field) {
        if (s == null) {
            throw new IllegalArgumentException("field '" + field + "' is null; it is required");
        }
        put(out, s, 0);
    }

    static void writeNullable(ByteBuffer out, String s) {
        if (s == null) {
            out.put((byte) 0);
        } else {
            put(out, s, 1);
        }
    }

    private static void put(ByteBuffer out, String s, int lengthBias) {
        int n = s.length();
        int field = n + lengthBias;
        if (field < 0x80) {
            byte[] a = out.array();
            int p = out.arrayOffset() + out.position();
            int seen = 0;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                seen |= c;
                a[p + 1 + i] = (byte) c;
            }
            if (seen < 0x80) {
                a[p] = (byte) field;
                out.position(out.position() + 1 + n);
                return;
            }
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, b.length + lengthBias);
        out.put(b);
    }

    static String read(ByteBuffer in) {
        return string(in, readVarint(in));
    }

    static String readNullable(ByteBuffer in) {
        int n = readVarint(in);
        return n == 0 ? null : string(in, n - 1);
    }

    private static String string(ByteBuffer in, int len) {
        if (len < 0 || len > in.remaining()) {
            throw new IllegalArgumentException("corrupt binary record: string of " + len + " bytes, " + in.remaining() + " left");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
        in.position(in.position() + len);
        return s;
    }

    /** Unsigned LEB128; negative ints take 5 bytes and round-trip. */
    static void writeVarint(ByteBuffer out, int v) {
        while ((v & ~0x7F) != 0) {
            out.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    static int readVarint(ByteBuffer in) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = in.get();
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("corrupt binary record: varint longer than 5 bytes");
    }
}
