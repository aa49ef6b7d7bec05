package dev.marquee.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The newest uploads per category (by the video's upload time, not the event's), for the fresh-uploads
 * source: per category a sorted array of at most {@link FeatureStoreConfig#recentUploadsPerCategory()}
 * (upload time desc, video asc), kept by insertion. Uploads are rare next to interactions, so each
 * list simply synchronizes on itself; the category array is republished on growth.
 */
final class RecentUploads {
    private final int capacity;
    private volatile UploadList[] byCategory = new UploadList[0];

    RecentUploads(int capacity) {
        this.capacity = capacity;
    }

    void add(int category, int video, long uploadedAt) {
        list(category).add(video, uploadedAt);
    }

    void remove(int category, int video) {
        list(category).remove(video);
    }

    TopN newest(int category, int n, long offset) {
        UploadList[] l = byCategory;
        return category >= 0 && category < l.length ? l[category].newest(n, offset) : TopN.empty(offset);
    }

    private UploadList list(int category) {
        UploadList[] l = byCategory;
        if (category >= l.length) {
            UploadList[] g = Arrays.copyOf(l, category + 1);
            for (int c = l.length; c <= category; c++) {
                g[c] = new UploadList(capacity);
            }
            byCategory = g;
            l = g;
        }
        return l[category];
    }

    long estimateBytes() {
        long b = 16;
        for (UploadList u : byCategory) {
            b += 32 + 12L * u.videos.length;
        }
        return b;
    }

    void writeTo(DataOutputStream out) throws IOException {
        UploadList[] l = byCategory;
        out.writeInt(l.length);
        for (UploadList u : l) {
            u.writeTo(out);
        }
    }

    void readFrom(DataInputStream in) throws IOException {
        int n = in.readInt();
        for (int c = 0; c < n; c++) {
            list(c).readFrom(in);
        }
    }

    private static final class UploadList {
        private final int[] videos;
        private final long[] times;
        private int size;

        UploadList(int capacity) {
            videos = new int[capacity];
            times = new long[capacity];
        }

        synchronized void add(int video, long t) {
            int pos = 0;
            while (pos < size && (times[pos] > t || (times[pos] == t && videos[pos] < video))) {
                pos++;
            }
            if (pos >= videos.length) {
                return;
            }
            int move = Math.min(size, videos.length - 1) - pos;
            System.arraycopy(videos, pos, videos, pos + 1, move);
            System.arraycopy(times, pos, times, pos + 1, move);
            videos[pos] = video;
            times[pos] = t;
            size = Math.min(size + 1, videos.length);
        }

        synchronized void remove(int video) {
            for (int i = 0; i < size; i++) {
                if (videos[i] == video) {
                    System.arraycopy(videos, i + 1, videos, i, size - i - 1);
                    System.arraycopy(times, i + 1, times, i, size - i - 1);
                    size--;
                    return;
                }
            }
        }

        synchronized TopN newest(int n, long offset) {
            int k = Math.min(n, size);
            double[] s = new double[k];
            for (int i = 0; i < k; i++) {
                s[i] = times[i];
            }
            return new TopN(Arrays.copyOf(videos, k), s, offset);
        }

        synchronized void writeTo(DataOutputStream out) throws IOException {
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                out.writeInt(videos[i]);
                out.writeLong(times[i]);
            }
        }

        synchronized void readFrom(DataInputStream in) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > videos.length) {
                throw new IOException("snapshot corrupt: upload list size " + n);
            }
            for (int i = 0; i < n; i++) {
                videos[i] = in.readInt();
                times[i] = in.readLong();
            }
            size = n;
        }
    }
}
