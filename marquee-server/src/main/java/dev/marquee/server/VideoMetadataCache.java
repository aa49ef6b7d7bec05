package dev.marquee.server;

import dev.marquee.features.StoreBackendAccess;
import dev.marquee.features.VideoFeatureBatch;
import java.util.Arrays;

/**
 * The per-video metadata columns (creator, category, language, duration, upload time) last read from the feature
 * store, in primitive arrays indexed by dense id, so that while the store is unavailable a batch can still carry
 * what the business rules, diversity and rendering need. Remembering costs a few array stores per video read.
 * Races between writers are benign (the same values, or a newer upsert's).
 */
final class VideoMetadataCache {
    private volatile int[] ints = new int[0];   // 4 per video: creator, category, language, duration
    private volatile long[] uploaded = new long[0];
    private volatile boolean[] known = new boolean[0];

    void put(int video, int creator, int category, int language, int duration, long uploadedAt) {
        if (video >= known.length) {
            grow(video);
        }
        int[] i = ints;
        i[4 * video] = creator;
        i[4 * video + 1] = category;
        i[4 * video + 2] = language;
        i[4 * video + 3] = duration;
        uploaded[video] = uploadedAt;
        known[video] = true;
    }

    private synchronized void grow(int video) {
        if (video < known.length) {
            return;
        }
        int n = Math.max(video + 1, known.length * 2);
        ints = Arrays.copyOf(ints, 4 * n);
        uploaded = Arrays.copyOf(uploaded, n);
        known = Arrays.copyOf(known, n);
    }

    /** Rows {@code [0, count)} of {@code out}: remembered metadata (or none) and zero signals. */
    void fill(int[] videos, int count, VideoFeatureBatch out) {
        int[] i = ints;
        long[] up = uploaded;
        boolean[] k = known;
        for (int r = 0; r < count; r++) {
            int v = videos[r];
            boolean has = v >= 0 && v < k.length && k[v];
            StoreBackendAccess.videoRow(out, r, v, has, has ? i[4 * v] : 0, has ? i[4 * v + 1] : 0,
                    has ? i[4 * v + 2] : 0, has ? i[4 * v + 3] : 0, has ? up[v] : 0);
            for (int s = 0; s < 5; s++) {
                StoreBackendAccess.videoSignal(out, r, s, 0, 0, 0);
            }
            StoreBackendAccess.videoRates(out, r, 0, 0, 0, 1, 1, 0, 0, 0);
        }
    }
}
