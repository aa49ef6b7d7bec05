package dev.marquee.features;

import dev.marquee.core.IdDictionary;
import dev.marquee.events.Video;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A video's metadata packed into one {@code byte[]}: varints of its creator, category and language dense ids,
 * duration and upload time, the title as UTF-8 and the tags as dense ids of a tag dictionary. The store keeps
 * this (in {@link MetadataBlocks}) instead of a {@link Video} record (record, title {@code String} and tag list: ~170 B against ~60 B at
 * 1M videos, issue #13) and unpacks it only for the few videos a request renders or seeds. The ids themselves
 * come from the dictionaries, which hold them anyway.
 *
 * <p>Titles round-trip exactly unless they hold unpaired surrogates, which UTF-8 cannot encode (they become
 * {@code '?'}, as in snapshots and the binary event log).
 */
final class PackedVideo {
    private PackedVideo() {
    }

    /** Packs {@code v}, whose dense ids are given, interning its tags into {@code tags} (writer only). */
    static byte[] pack(Video v, int creator, int category, int language, IdDictionary tags) {
        byte[] title = v.title() == null ? null : v.title().getBytes(StandardCharsets.UTF_8);
        List<String> tagList = v.tags();
        Writer w = new Writer(40 + (title == null ? 0 : title.length) + 5 * tagList.size());
        w.varint(creator + 1);
        w.varint(category + 1);
        w.varint(language + 1);
        w.varlong(zigzag(v.durationSeconds()));
        w.varlong(zigzag(v.uploadedAt()));
        if (title == null) {
            w.varint(0);
        } else {
            w.varint(title.length + 1);
            w.bytes(title);
        }
        w.varint(tagList.size());
        for (String tag : tagList) {
            w.varint(tags.intern(tag));
        }
        return w.toArray();
    }

    /** The {@link Video} {@code packed} holds, with id strings from the dictionaries. */
    static Video unpack(byte[] packed, String videoId, Dictionaries dict, IdDictionary tags) {
        return unpack(packed, 0, videoId, dict, tags);
    }

    /** The {@link Video} packed in {@code buf} from offset {@code at}. */
    static Video unpack(byte[] buf, int at, String videoId, Dictionaries dict, IdDictionary tags) {
        Reader r = new Reader(buf, at);
        String creator = Dictionaries.externalNullable(dict.creators, r.varint() - 1);
        String category = Dictionaries.externalNullable(dict.categories, r.varint() - 1);
        String language = Dictionaries.externalNullable(dict.languages, r.varint() - 1);
        int duration = (int) unzigzag(r.varlong());
        long uploadedAt = unzigzag(r.varlong());
        int titleLength = r.varint() - 1;
        String title = titleLength < 0 ? null : r.utf8(titleLength);
        String[] tagNames = new String[r.varint()];
        for (int i = 0; i < tagNames.length; i++) {
            tagNames[i] = tags.external(r.varint());
        }
        return new Video(videoId, creator, category, title, List.of(tagNames), duration, uploadedAt, language);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static final class Writer {
        private byte[] buf;
        private int n;

        Writer(int capacity) {
            buf = new byte[capacity];
        }

        void varint(int v) {
            varlong(v & 0xFFFF_FFFFL);
        }

        void varlong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[n++] = (byte) v;
        }

        void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
        }

        private void ensure(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }

        byte[] toArray() {
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        }
    }

    private static final class Reader {
        private final byte[] buf;
        private int at;

        Reader(byte[] buf, int at) {
            this.buf = buf;
            this.at = at;
        }

        int varint() {
            return (int) varlong();
        }

        long varlong() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buf[at++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        String utf8(int length) {
            String s = new String(buf, at, length, StandardCharsets.UTF_8);
            at += length;
            return s;
        }
    }
}
