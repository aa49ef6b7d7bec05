package dev.marquee.events;

import java.nio.ByteBuffer;

/**
 * Compact binary form of {@link ServedImpression} for its own {@link SegmentedFileLog} stream. Layout,
 * big-endian: {@code tag:u8 (=1, the format version), time:i64, requestId:str, userId:str, videoId:str,
 * position:varint, modelVersion:str, variant:nullable-str, propensity:f64, heads:varint n + n×f32,
 * features:varint n + n×f32}; strings as in {@link EventBinaryCodec}. A changed layout gets a new tag;
 * old tags stay readable.
 */
public final class ServedImpressionCodec {
    private static final byte V1 = 1;

    private ServedImpressionCodec() {
    }

    /** An upper bound of the bytes {@link #write} needs. */
    public static int maxEncodedSize(ServedImpression s) {
        return 1 + 8 + BinaryStrings.maxSize(s.requestId()) + BinaryStrings.maxSize(s.userId())
                + BinaryStrings.maxSize(s.videoId()) + 5 + BinaryStrings.maxSize(s.modelVersion())
                + BinaryStrings.maxSize(s.variant()) + 8 + 5 + 4 * s.heads().length + 5 + 4 * s.features().length;
    }

    /** Appends {@code s} at {@code out}'s position (a heap buffer with {@link #maxEncodedSize} bytes remaining). */
    public static void write(ServedImpression s, ByteBuffer out) {
        out.put(V1);
        out.putLong(s.timeMillis());
        BinaryStrings.write(out, s.requestId(), "requestId");
        BinaryStrings.write(out, s.userId(), "userId");
        BinaryStrings.write(out, s.videoId(), "videoId");
        BinaryStrings.writeVarint(out, s.position());
        BinaryStrings.write(out, s.modelVersion(), "modelVersion");
        BinaryStrings.writeNullable(out, s.variant());
        out.putDouble(s.propensity());
        floats(out, s.heads());
        floats(out, s.features());
    }

    /** Decodes one record occupying {@code in}'s position..limit; throws IllegalArgumentException when corrupt. */
    public static ServedImpression read(ByteBuffer in) {
        try {
            byte tag = in.get();
            if (tag != V1) {
                throw new IllegalArgumentException("unknown served-impression format tag " + tag);
            }
            long time = in.getLong();
            String request = BinaryStrings.read(in);
            String user = BinaryStrings.read(in);
            String video = BinaryStrings.read(in);
            int position = BinaryStrings.readVarint(in);
            String version = BinaryStrings.read(in);
            String variant = BinaryStrings.readNullable(in);
            double propensity = in.getDouble();
            float[] heads = floats(in);
            float[] features = floats(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("corrupt served impression: " + in.remaining() + " trailing bytes");
            }
            return new ServedImpression(request, user, video, position, time, version, variant, features, heads, propensity);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("corrupt served impression: record ends early", e);
        }
    }

    private static void floats(ByteBuffer out, float[] values) {
        BinaryStrings.writeVarint(out, values.length);
        for (float v : values) {
            out.putFloat(v);
        }
    }

    private static float[] floats(ByteBuffer in) {
        int n = BinaryStrings.readVarint(in);
        if (n < 0 || (long) n * 4 > in.remaining()) {
            throw new IllegalArgumentException("corrupt served impression: " + n + " floats, " + in.remaining() + " bytes left");
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.getFloat();
        }
        return values;
    }
}
