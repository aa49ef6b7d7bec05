package dev.marquee.features;

import dev.marquee.core.IdDictionary;
import dev.marquee.events.Video;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Per-video state indexed by dense video id: metadata, lifetime totals and forward-decayed ({@link Decay})
 * 1 h and 24 h counters sharing one landmark per video. Stored row-major in three primitive arrays (ints:
 * creator, category, language, duration; longs: landmark, upload time, 5 totals; doubles: 8 decayed
 * counters) so a batch read of 1,000 random videos touches ~4 cache lines per video instead of one per
 * column. The metadata is kept aside, packed ({@link PackedVideo}), for metadata reads only.
 *
 * <p>Memory model: only the writer mutates. Arrays are replaced on growth before rows beyond the old length
 * are written, and the store publishes a volatile offset after each batch; a reader that reads that offset
 * first sees arrays at least as long as {@link #rows} (happens-before via the volatile). Values written after
 * the publish may be seen partially (benign: one event's worth), and long/double elements rely on 64-bit
 * JVMs not tearing them (JLS 17.7 permits it, HotSpot on x64/aarch64 does not). Packed metadata blocks
 * are written with release and read with acquire semantics, so a reader never sees a half-filled block.
 */
final class VideoColumns {
    static final int IMPRESSION = 0;
    static final int CLICK = 1;
    static final int LONG_VIEW = 2;
    static final int SHARE = 3;
    static final int VIEW = 4;
    static final int DECAYED_SIGNALS = 4;
    static final int SIGNALS = 5;
    /** Row layout of {@link #ints}: creator, category, language, duration seconds. */
    static final int INTS = 4;
    /** Row layout of {@link #decayed}: 1 h counters of the 4 signals, then 24 h counters. */
    static final int DECAYED = 2 * DECAYED_SIGNALS;
    /** Row layout of {@link #longs}: landmark, upload time, then the totals of the 5 signals. */
    static final int LONGS = 2 + SIGNALS;
    static final int TOTALS = 2;
    static final Decay HOUR = new Decay(3_600_000L);
    static final Decay DAY = new Decay(86_400_000L);

    private final Dictionaries dict;
    /** Tags of packed metadata; internal to this process (snapshots write the tag strings). */
    private final IdDictionary tags = new IdDictionary(1 << 10);
    int rows;
    int[] ints = new int[0];
    long[] longs = new long[0];
    double[] decayed = new double[0];
    private final MetadataBlocks meta = new MetadataBlocks();
    private int capacity;

    VideoColumns(Dictionaries dict) {
        this.dict = dict;
    }

    /** Makes row {@code video} exist (no metadata: creator/category/language -1). */
    void ensure(int video) {
        if (video < rows) {
            return;
        }
        if (video >= capacity) {
            int len = Math.max(video + 1, Math.max(1024, capacity + (capacity >> 1)));
            int[] in = Arrays.copyOf(ints, len * INTS);
            long[] lo = Arrays.copyOf(longs, len * LONGS);
            for (int v = capacity; v < len; v++) {
                in[v * INTS] = -1;
                in[v * INTS + 1] = -1;
                in[v * INTS + 2] = -1;
                lo[v * LONGS] = Decay.UNSET;
            }
            ints = in;
            longs = lo;
            decayed = Arrays.copyOf(decayed, len * DECAYED);
            meta.ensure(len);
            capacity = len;
        }
        rows = video + 1;
    }

    int creator(int video) {
        return ints[video * INTS];
    }

    int category(int video) {
        return ints[video * INTS + 1];
    }

    int language(int video) {
        return ints[video * INTS + 2];
    }

    /** Metadata was upserted (a video always has a creator then). */
    boolean hasMetadata(int video) {
        return ints[video * INTS] >= 0;
    }

    long landmark(int video) {
        return longs[video * LONGS];
    }

    long total(int video, int signal) {
        return longs[video * LONGS + TOTALS + signal];
    }

    void metadata(int video, Video v, int creatorId, int categoryId, int languageId) {
        ensure(video);
        int r = video * INTS;
        ints[r] = creatorId;
        ints[r + 1] = categoryId;
        ints[r + 2] = languageId;
        ints[r + 3] = v.durationSeconds();
        longs[video * LONGS + 1] = v.uploadedAt();
        meta.put(video, PackedVideo.pack(v, creatorId, categoryId, languageId, tags));
    }

    /**
     * The metadata of {@code video} (a row below {@link #rows}), equal to the last upserted {@link Video} (a fresh
     * record with fresh strings per call), or null before any upsert.
     */
    Video video(int video) {
        byte[] block = meta.block(video);
        int at = block == null ? -1 : MetadataBlocks.start(block, video);
        return at < 0 ? null : PackedVideo.unpack(block, at, dict.videos.external(video), dict, tags);
    }

    /** Counts one event of {@code signal} for {@code video} at event time {@code t}. */
    void count(int video, int signal, long t) {
        int row = video * LONGS;
        longs[row + TOTALS + signal]++;
        if (signal >= DECAYED_SIGNALS) {
            return;
        }
        int r = video * DECAYED;
        long l = longs[row];
        if (l == Decay.UNSET) {
            l = t;
            longs[row] = t;
        } else if (HOUR.needsRenormalize(t, l)) {
            double fh = HOUR.factor(t, l);
            double fd = DAY.factor(t, l);
            for (int s = 0; s < DECAYED_SIGNALS; s++) {
                decayed[r + s] *= fh;
                decayed[r + DECAYED_SIGNALS + s] *= fd;
            }
            l = t;
            longs[row] = t;
        }
        decayed[r + signal] += HOUR.weight(t, l);
        decayed[r + DECAYED_SIGNALS + signal] += DAY.weight(t, l);
    }

    long estimateBytes() {
        long perRow = 4L * INTS + 8L * LONGS + 8L * DECAYED;
        return perRow * capacity + 256 + 60L * tags.size() + meta.bytes();
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(rows);
        for (int v = 0; v < rows; v++) {
            Video m = video(v);
            out.writeBoolean(m != null);
            if (m != null) {
                VideoCodec.write(out, m);
                out.writeInt(creator(v));
                out.writeInt(category(v));
                out.writeInt(language(v));
            }
            out.writeLong(landmark(v));
            for (int i = 0; i < DECAYED; i++) {
                out.writeDouble(decayed[v * DECAYED + i]);
            }
            for (int s = 0; s < SIGNALS; s++) {
                out.writeLong(total(v, s));
            }
        }
    }

    void readFrom(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("snapshot corrupt: video rows " + n);
        }
        for (int v = 0; v < n; v++) {
            ensure(v);
            if (in.readBoolean()) {
                Video m = VideoCodec.read(in);
                metadata(v, m, in.readInt(), in.readInt(), in.readInt());
            }
            longs[v * LONGS] = in.readLong();
            for (int i = 0; i < DECAYED; i++) {
                decayed[v * DECAYED + i] = in.readDouble();
            }
            for (int s = 0; s < SIGNALS; s++) {
                longs[v * LONGS + TOTALS + s] = in.readLong();
            }
        }
    }
}
