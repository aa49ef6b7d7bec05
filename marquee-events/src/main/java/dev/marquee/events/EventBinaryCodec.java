package dev.marquee.events;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Compact binary form of events for the durable log (not JSON: about 3x smaller and 10x cheaper).
 * Layout, big-endian: {@code tag:u8, timestamp:i64, eventId:str, ...type fields}, where {@code str} is
 * a varint byte length followed by UTF-8 and nullable strings store length+1 (0 = null). Ints are
 * unsigned LEB128 varints, doubles 8 bytes. The tag doubles as the format version: a changed layout
 * gets a new tag, old tags stay readable forever. {@link #timestampAt} and {@link #eventIdHashAt} read
 * the fixed prefix without decoding, so recovery rebuilds the dedupe window cheaply.
 * Writing needs a heap buffer with {@link #maxEncodedSize} bytes remaining.
 */
public final class EventBinaryCodec {
    private static final byte IMPRESSION = 1, CLICK = 2, VIEW = 3, SHARE = 4, VIDEO = 5, USER = 6, USER_DELETED = 7;

    private EventBinaryCodec() {
    }

    /** An upper bound of the bytes {@link #write} needs for {@code e}. */
    public static int maxEncodedSize(Event e) {
        int n = 1 + 8 + BinaryStrings.maxSize(e.eventId());
        return n + switch (e) {
            case Impression i -> BinaryStrings.maxSize(i.userId()) + BinaryStrings.maxSize(i.videoId())
                    + BinaryStrings.maxSize(i.requestId()) + 5;
            case View v -> BinaryStrings.maxSize(v.userId()) + BinaryStrings.maxSize(v.videoId())
                    + BinaryStrings.maxSize(v.requestId()) + 8;
            case Interaction i -> BinaryStrings.maxSize(i.userId()) + BinaryStrings.maxSize(i.videoId())
                    + BinaryStrings.maxSize(i.requestId());
            case VideoUpserted u -> videoSize(u.video());
            case UserUpserted u -> BinaryStrings.maxSize(u.user().userId()) + BinaryStrings.maxSize(u.user().ageBand())
                    + BinaryStrings.maxSize(u.user().country()) + BinaryStrings.maxSize(u.user().device()) + 8;
            case UserDeleted d -> BinaryStrings.maxSize(d.userId());
        };
    }

    private static int videoSize(Video v) {
        int n = BinaryStrings.maxSize(v.videoId()) + BinaryStrings.maxSize(v.creatorId()) + BinaryStrings.maxSize(v.category())
                + BinaryStrings.maxSize(v.title()) + BinaryStrings.maxSize(v.language()) + 5 + 5 + 8;
        for (String t : v.tags()) {
            n += BinaryStrings.maxSize(t);
        }
        return n;
    }

    /** Appends {@code e} at {@code out}'s position; throws IllegalArgumentException naming a null required field. */
    public static void write(Event e, ByteBuffer out) {
        switch (e) {
            case Impression i -> {
                interaction(IMPRESSION, i, out);
                BinaryStrings.writeVarint(out, i.position());
            }
            case Click c -> interaction(CLICK, c, out);
            case Share s -> interaction(SHARE, s, out);
            case View v -> {
                interaction(VIEW, v, out);
                out.putDouble(v.watchSeconds());
            }
            case VideoUpserted u -> {
                header(VIDEO, u, out);
                Video v = u.video();
                BinaryStrings.write(out, v.videoId(), "videoId");
                BinaryStrings.write(out, v.creatorId(), "creatorId");
                BinaryStrings.write(out, v.category(), "category");
                BinaryStrings.write(out, v.title(), "title");
                BinaryStrings.writeVarint(out, v.tags().size());
                for (String t : v.tags()) {
                    BinaryStrings.write(out, t, "tags");
                }
                BinaryStrings.writeVarint(out, v.durationSeconds());
                out.putLong(v.uploadedAt());
                BinaryStrings.write(out, v.language(), "language");
            }
            case UserUpserted u -> {
                header(USER, u, out);
                UserProfile p = u.user();
                BinaryStrings.write(out, p.userId(), "userId");
                BinaryStrings.write(out, p.ageBand(), "ageBand");
                BinaryStrings.write(out, p.country(), "country");
                BinaryStrings.write(out, p.device(), "device");
                out.putLong(p.signupAt());
            }
            case UserDeleted d -> {
                header(USER_DELETED, d, out);
                BinaryStrings.write(out, d.userId(), "userId");
            }
        }
    }

    private static void interaction(byte tag, Interaction e, ByteBuffer out) {
        header(tag, e, out);
        BinaryStrings.write(out, e.userId(), "userId");
        BinaryStrings.write(out, e.videoId(), "videoId");
        BinaryStrings.writeNullable(out, e.requestId());
    }

    private static void header(byte tag, Event e, ByteBuffer out) {
        out.put(tag);
        out.putLong(e.timestamp());
        BinaryStrings.write(out, e.eventId(), "eventId");
    }

    /** Decodes one event from {@code in}'s position (a heap buffer), advancing past it. */
    public static Event read(ByteBuffer in) {
        byte tag = in.get();
        long ts = in.getLong();
        String id = BinaryStrings.read(in);
        return switch (tag) {
            case IMPRESSION -> new Impression(id, ts, BinaryStrings.read(in), BinaryStrings.read(in),
                    BinaryStrings.readNullable(in), BinaryStrings.readVarint(in));
            case CLICK -> new Click(id, ts, BinaryStrings.read(in), BinaryStrings.read(in), BinaryStrings.readNullable(in));
            case SHARE -> new Share(id, ts, BinaryStrings.read(in), BinaryStrings.read(in), BinaryStrings.readNullable(in));
            case VIEW -> new View(id, ts, BinaryStrings.read(in), BinaryStrings.read(in), BinaryStrings.readNullable(in),
                    in.getDouble());
            case VIDEO -> new VideoUpserted(id, ts, readVideo(in));
            case USER -> new UserUpserted(id, ts, new UserProfile(BinaryStrings.read(in), BinaryStrings.read(in),
                    BinaryStrings.read(in), BinaryStrings.read(in), in.getLong()));
            case USER_DELETED -> new UserDeleted(id, ts, BinaryStrings.read(in));
            default -> throw new IllegalArgumentException("unknown event tag " + tag + " in binary record");
        };
    }

    private static Video readVideo(ByteBuffer in) {
        String videoId = BinaryStrings.read(in);
        String creatorId = BinaryStrings.read(in);
        String category = BinaryStrings.read(in);
        String title = BinaryStrings.read(in);
        int n = BinaryStrings.readVarint(in);
        List<String> tags = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tags.add(BinaryStrings.read(in));
        }
        int duration = BinaryStrings.readVarint(in);
        long uploadedAt = in.getLong();
        return new Video(videoId, creatorId, category, title, tags, duration, uploadedAt, BinaryStrings.read(in));
    }

    /** The event time of the event encoded at absolute position {@code start}. */
    public static long timestampAt(ByteBuffer buf, int start) {
        return buf.getLong(start + 1);
    }

    /** {@link EventIdHash} of the eventId of the event encoded at absolute position {@code start}. */
    public static long eventIdHashAt(ByteBuffer buf, int start) {
        int p = start + 9;
        int len = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = buf.get(p++);
            len |= (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
        }
        return EventIdHash.hash(buf.array(), buf.arrayOffset() + p, len);
    }
}
