package dev.marquee.features;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The last {@code max} impressions (video, time) of one user, for impression fatigue. Starts at ≤ 8 slots
 * and doubles up to {@code max}; the oldest is overwritten when full, so a user shown more than
 * {@code max} videos in 24 h under-counts the oldest (documented limit). Guarded by the user's lock.
 */
final class ImpressionRing {
    private final int max;
    private int[] videos;
    private long[] times;
    private int head;
    private int size;

    ImpressionRing(int max) {
        this.max = max;
        videos = new int[Math.min(8, max)];
        times = new long[videos.length];
    }

    void add(int video, long t) {
        if (size == videos.length && size < max) {
            int len = Math.min(max, size * 2);
            int[] v = new int[len];
            long[] ts = new long[len];
            for (int i = 0; i < size; i++) {
                int p = Math.floorMod(head - size + i, videos.length);
                v[i] = videos[p];
                ts[i] = times[p];
            }
            videos = v;
            times = ts;
            head = size % len;
        }
        videos[head] = video;
        times[head] = t;
        head = (head + 1) % videos.length;
        if (size < videos.length) {
            size++;
        }
    }

    /** Impressions per video with event time in {@code (from, to]}. */
    ImpressionCounts countsIn(long from, long to) {
        Int2IntOpenHashMap counts = new Int2IntOpenHashMap(size);
        for (int i = 0; i < size; i++) {
            if (times[i] > from && times[i] <= to) {
                counts.addTo(videos[i], 1);
            }
        }
        return new ImpressionCounts(counts);
    }

    long estimateBytes() {
        return 40 + 32 + videos.length * 12L;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            int p = Math.floorMod(head - size + i, videos.length);
            out.writeInt(videos[p]);
            out.writeLong(times[p]);
        }
    }

    static ImpressionRing readFrom(DataInputStream in, int max) throws IOException {
        ImpressionRing r = new ImpressionRing(max);
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("snapshot corrupt: impression memory size " + n + " outside [0, " + max + "]");
        }
        for (int i = 0; i < n; i++) {
            r.add(in.readInt(), in.readLong());
        }
        return r;
    }
}
