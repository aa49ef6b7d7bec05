package dev.marquee.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Item-to-item co-watch graph for "users who watched X also watched Y" (item-based CF, Linden, Smith and
 * York, "Amazon.com Recommendations: Item-to-Item Collaborative Filtering", IEEE Internet Computing 2003).
 *
 * <p>Edge weight: when a user long-views (> 30 s) video b at time t, every distinct video a they long-viewed
 * within the session window ({@link FeatureStoreConfig#sessionWindowMillis()}, either side of t) adds
 * {@code 2^(-(now - t)/h)} to both a→b and b→a (h = {@link FeatureStoreConfig#coWatchHalfLifeMillis()}).
 * The partners come from the user's last {@link FeatureStoreConfig#recentLongViews()} distinct long views.
 *
 * <p>Memory is bounded by design: each video's out-edges live in a weighted Space-Saving summary
 * ({@link SpaceSavingTopK}) of exactly {@link FeatureStoreConfig#coWatchNeighbours()} counters, so a video
 * never holds more than that many neighbours, whatever the traffic, and any neighbour whose decayed weight
 * exceeds 1/capacity of the video's total co-watch weight is guaranteed to be held. Summaries are created on
 * a video's first pair and their arrays grow lazily, so cold videos cost nothing.
 */
final class CoWatchGraph {
    private final Decay decay;
    private final int neighbours;
    private volatile SpaceSavingTopK[] byVideo = new SpaceSavingTopK[1024];

    CoWatchGraph(FeatureStoreConfig config) {
        this.decay = new Decay(config.coWatchHalfLifeMillis());
        this.neighbours = config.coWatchNeighbours();
    }

    /** Adds one co-watch of {@code a} and {@code b} at event time {@code t}, both directions. */
    void addPair(int a, int b, long t) {
        summary(a).add(b, t, 1.0);
        summary(b).add(a, t, 1.0);
    }

    private SpaceSavingTopK summary(int video) {
        SpaceSavingTopK[] s = byVideo;
        if (video >= s.length) {
            s = Arrays.copyOf(s, Math.max(video + 1, s.length + (s.length >> 1)));
            byVideo = s;
        }
        SpaceSavingTopK k = s[video];
        if (k == null) {
            k = new SpaceSavingTopK(neighbours, decay);
            s[video] = k;
        }
        return k;
    }

    /** Writes up to {@code max} strongest neighbours of {@code video} from {@code at}; returns how many. */
    int neighbours(int video, int max, long now, int[] outVideos, double[] outWeights, int at) {
        SpaceSavingTopK[] s = byVideo;
        SpaceSavingTopK k = video >= 0 && video < s.length ? s[video] : null;
        return k == null ? 0 : k.top(max, now, outVideos, outWeights, at);
    }

    int maxNeighbours() {
        return neighbours;
    }

    long edges() {
        long e = 0;
        for (SpaceSavingTopK k : byVideo) {
            e += k == null ? 0 : k.size();
        }
        return e;
    }

    long estimateBytes() {
        SpaceSavingTopK[] s = byVideo;
        long b = 16 + 4L * s.length;
        for (SpaceSavingTopK k : s) {
            b += k == null ? 0 : k.estimateBytes();
        }
        return b;
    }

    void writeTo(DataOutputStream out) throws IOException {
        SpaceSavingTopK[] s = byVideo;
        int n = 0;
        for (SpaceSavingTopK k : s) {
            n += k == null ? 0 : 1;
        }
        out.writeInt(n);
        for (int v = 0; v < s.length; v++) {
            if (s[v] != null) {
                out.writeInt(v);
                s[v].writeTo(out);
            }
        }
    }

    void readFrom(DataInputStream in) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            int v = in.readInt();
            if (v < 0) {
                throw new IOException("snapshot corrupt: co-watch video " + v);
            }
            summary(v).readFrom(in);
        }
    }
}
