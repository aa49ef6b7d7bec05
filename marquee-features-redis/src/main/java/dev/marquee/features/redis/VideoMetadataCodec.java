package dev.marquee.features.redis;

import dev.marquee.events.Video;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of {@link Video} metadata (the "vm:" keys): version byte 1, then videoId, creatorId, category,
 * title (nullable), tag count and tags, duration (int), upload time (long), language (nullable); strings as
 * {@link DataOutputStream#writeUTF} behind a presence byte.
 */
final class VideoMetadataCodec {
    private static final int VERSION = 1;

    private VideoMetadataCodec() {
    }

    static byte[] encode(Video v) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            string(out, v.videoId());
            string(out, v.creatorId());
            string(out, v.category());
            string(out, v.title());
            out.writeInt(v.tags().size());
            for (String t : v.tags()) {
                string(out, t);
            }
            out.writeInt(v.durationSeconds());
            out.writeLong(v.uploadedAt());
            string(out, v.language());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Video decode(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("video metadata version " + version + " not supported (expected " + VERSION + ")");
            }
            String id = string(in);
            String creator = string(in);
            String category = string(in);
            String title = string(in);
            int n = in.readInt();
            if (n < 0 || n > 10_000) {
                throw new IllegalStateException("corrupt video metadata: " + n + " tags");
            }
            List<String> tags = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                tags.add(string(in));
            }
            return new Video(id, creator, category, title, tags, in.readInt(), in.readLong(), string(in));
        } catch (IOException e) {
            throw new IllegalStateException("corrupt video metadata (" + b.length + " bytes): " + e.getMessage(), e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
