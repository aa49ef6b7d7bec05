package dev.marquee.features;

import dev.marquee.events.Video;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Binary form of {@link Video} metadata inside snapshots. */
final class VideoCodec {
    private VideoCodec() {
    }

    static void write(DataOutputStream out, Video v) throws IOException {
        Dictionaries.writeString(out, v.videoId());
        Dictionaries.writeString(out, v.creatorId());
        Dictionaries.writeString(out, v.category());
        Dictionaries.writeString(out, v.title());
        out.writeInt(v.tags().size());
        for (String t : v.tags()) {
            Dictionaries.writeString(out, t);
        }
        out.writeInt(v.durationSeconds());
        out.writeLong(v.uploadedAt());
        Dictionaries.writeString(out, v.language());
    }

    static Video read(DataInputStream in) throws IOException {
        String id = Dictionaries.readString(in);
        String creator = Dictionaries.readString(in);
        String category = Dictionaries.readString(in);
        String title = Dictionaries.readString(in);
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
            throw new IOException("snapshot corrupt: " + n + " tags");
        }
        List<String> tags = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tags.add(Dictionaries.readString(in));
        }
        return new Video(id, creator, category, title, tags, in.readInt(), in.readLong(), Dictionaries.readString(in));
    }
}
