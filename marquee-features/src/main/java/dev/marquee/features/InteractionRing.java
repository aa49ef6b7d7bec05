package dev.marquee.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The last {@code max} interactions of one user as a ring of parallel primitive columns that starts small
 * and doubles up to {@code max} (most users are short-lived). Not thread-safe: guarded by the user's lock.
 */
final class InteractionRing {
    private final int max;
    private int[] videos;
    private byte[] types;
    private float[] watch;
    private long[] times;
    private int head;
    private int size;

    InteractionRing(int max) {
        this.max = max;
        int initial = Math.min(4, max);
        videos = new int[initial];
        types = new byte[initial];
        watch = new float[initial];
        times = new long[initial];
    }

    void add(int video, InteractionType type, float watchSeconds, long t) {
        if (size == videos.length && size < max) {
            grow(Math.min(max, size * 2));
        }
        videos[head] = video;
        types[head] = (byte) type.ordinal();
        watch[head] = watchSeconds;
        times[head] = t;
        head = (head + 1) % videos.length;
        if (size < videos.length) {
            size++;
        }
    }

    /** Copies the ring newest first. */
    InteractionHistory newestFirst() {
        int[] v = new int[size];
        InteractionType[] ty = new InteractionType[size];
        float[] w = new float[size];
        long[] t = new long[size];
        int len = videos.length;
        for (int i = 0; i < size; i++) {
            int p = Math.floorMod(head - 1 - i, len);
            v[i] = videos[p];
            ty[i] = InteractionType.ofCode(types[p]);
            w[i] = watch[p];
            t[i] = times[p];
        }
        return new InteractionHistory(v, ty, w, t);
    }

    private void grow(int len) {
        int old = videos.length;
        int[] v = new int[len];
        byte[] ty = new byte[len];
        float[] w = new float[len];
        long[] t = new long[len];
        for (int i = 0; i < size; i++) {
            int p = Math.floorMod(head - size + i, old);
            v[i] = videos[p];
            ty[i] = types[p];
            w[i] = watch[p];
            t[i] = times[p];
        }
        videos = v;
        types = ty;
        watch = w;
        times = t;
        head = size % len;
    }

    long estimateBytes() {
        return 48 + 4 * 16 + videos.length * 17L;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            int p = Math.floorMod(head - size + i, videos.length);
            out.writeInt(videos[p]);
            out.writeByte(types[p]);
            out.writeFloat(watch[p]);
            out.writeLong(times[p]);
        }
    }

    static InteractionRing readFrom(DataInputStream in, int max) throws IOException {
        InteractionRing r = new InteractionRing(max);
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("snapshot corrupt: history size " + n + " outside [0, " + max + "]");
        }
        for (int i = 0; i < n; i++) {
            r.add(in.readInt(), InteractionType.ofCode(in.readByte()), in.readFloat(), in.readLong());
        }
        return r;
    }

    @Override
    public String toString() {
        return "InteractionRing" + Arrays.toString(newestFirst().videos());
    }
}
