package dev.marquee.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A user's last {@code max} distinct long-viewed videos with their times, newest first: the seeds of the
 * co-watch source and the session window of the co-watch graph. Re-watching moves a video to the front
 * instead of duplicating it, so a pair is not double-counted by a re-watch. Guarded by the user's lock.
 */
final class RecentLongViews {
    private final int max;
    private int[] videos;
    private long[] times;
    private int size;

    RecentLongViews(int max) {
        this.max = max;
        videos = new int[Math.min(4, max)];
        times = new long[videos.length];
    }

    /**
     * Copies into {@code out} the distinct videos other than {@code video} long-viewed within
     * {@code window} ms of {@code t} (either side), before {@code video} is recorded; returns their number.
     */
    int partners(int video, long t, long window, int[] out) {
        int n = 0;
        for (int i = 0; i < size && n < out.length; i++) {
            if (videos[i] != video && Math.abs(times[i] - t) <= window) {
                out[n++] = videos[i];
            }
        }
        return n;
    }

    /** Records a long view: removes an earlier entry of the same video, inserts at the front. */
    void push(int video, long t) {
        int existing = -1;
        for (int i = 0; i < size; i++) {
            if (videos[i] == video) {
                existing = i;
                break;
            }
        }
        int shiftEnd;
        if (existing >= 0) {
            shiftEnd = existing;
        } else {
            if (size == videos.length && size < max) {
                videos = java.util.Arrays.copyOf(videos, Math.min(max, size * 2));
                times = java.util.Arrays.copyOf(times, videos.length);
            }
            shiftEnd = Math.min(size, videos.length - 1);
            size = Math.min(size + 1, videos.length);
        }
        System.arraycopy(videos, 0, videos, 1, shiftEnd);
        System.arraycopy(times, 0, times, 1, shiftEnd);
        videos[0] = video;
        times[0] = t;
    }

    int[] videos() {
        return java.util.Arrays.copyOf(videos, size);
    }

    long[] times() {
        return java.util.Arrays.copyOf(times, size);
    }

    long estimateBytes() {
        return 24 + 32 + videos.length * 12L;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(size);
        for (int i = size - 1; i >= 0; i--) {
            out.writeInt(videos[i]);
            out.writeLong(times[i]);
        }
    }

    static RecentLongViews readFrom(DataInputStream in, int max) throws IOException {
        RecentLongViews r = new RecentLongViews(max);
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("snapshot corrupt: recent long views " + n + " outside [0, " + max + "]");
        }
        for (int i = 0; i < n; i++) {
            r.push(in.readInt(), in.readLong());
        }
        return r;
    }
}
