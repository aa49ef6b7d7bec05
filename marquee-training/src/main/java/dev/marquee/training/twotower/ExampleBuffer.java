package dev.marquee.training.twotower;

import dev.marquee.features.UserFeatures;
import dev.marquee.models.twotower.ItemFeatureBatch;
import dev.marquee.models.twotower.TwoTowerExamples;
import dev.marquee.models.twotower.UserFeatureBatch;
import java.util.Arrays;

/**
 * Growable primitive columns of captured examples: the user-tower row (copied from a one-user
 * {@link UserFeatureBatch}), the target's roster id, its logQ, and the example's origin.
 */
final class ExampleBuffer {
    private final int history;
    private int size;
    private int[] historyVideos, age, country, device, hour, day, videos;
    private float[] historyWeights, logQ;
    private long[] offsets, times, featureOffsets, newest;

    ExampleBuffer(int history) {
        this.history = history;
        int cap = 1024;
        historyVideos = new int[cap * history];
        historyWeights = new float[cap * history];
        age = new int[cap];
        country = new int[cap];
        device = new int[cap];
        hour = new int[cap];
        day = new int[cap];
        videos = new int[cap];
        logQ = new float[cap];
        offsets = new long[cap];
        times = new long[cap];
        featureOffsets = new long[cap];
        newest = new long[cap];
    }

    int size() {
        return size;
    }

    void add(UserFeatureBatch user, UserFeatures features, int video, float itemLogQ, long offset, long time) {
        if (size == videos.length) {
            grow(size * 2);
        }
        int i = size++;
        System.arraycopy(user.historyVideos(), 0, historyVideos, i * history, history);
        System.arraycopy(user.historyWeights(), 0, historyWeights, i * history, history);
        age[i] = user.ageBand()[0];
        country[i] = user.country()[0];
        device[i] = user.device()[0];
        hour[i] = user.hourOfDay()[0];
        day[i] = user.dayOfWeek()[0];
        videos[i] = video;
        logQ[i] = itemLogQ;
        offsets[i] = offset;
        times[i] = time;
        featureOffsets[i] = features.offset();
        long[] historyTimes = features.recent().times();
        long max = Long.MIN_VALUE;
        for (long t : historyTimes) {
            max = Math.max(max, t);
        }
        newest[i] = max;
    }

    private void grow(int cap) {
        historyVideos = Arrays.copyOf(historyVideos, cap * history);
        historyWeights = Arrays.copyOf(historyWeights, cap * history);
        age = Arrays.copyOf(age, cap);
        country = Arrays.copyOf(country, cap);
        device = Arrays.copyOf(device, cap);
        hour = Arrays.copyOf(hour, cap);
        day = Arrays.copyOf(day, cap);
        videos = Arrays.copyOf(videos, cap);
        logQ = Arrays.copyOf(logQ, cap);
        offsets = Arrays.copyOf(offsets, cap);
        times = Arrays.copyOf(times, cap);
        featureOffsets = Arrays.copyOf(featureOffsets, cap);
        newest = Arrays.copyOf(newest, cap);
    }

    /** The examples, items gathered by roster id from {@code catalogue} (one row per roster video). */
    TwoTowerExamples toExamples(ItemFeatureBatch catalogue) {
        if (size < 2) {
            throw new IllegalStateException("only " + size + " examples captured; need at least 2");
        }
        int n = size, h = history, d = catalogue.textDim();
        UserFeatureBatch users = new UserFeatureBatch(n, h, Arrays.copyOf(historyVideos, n * h),
                Arrays.copyOf(historyWeights, n * h), Arrays.copyOf(age, n), Arrays.copyOf(country, n),
                Arrays.copyOf(device, n), Arrays.copyOf(hour, n), Arrays.copyOf(day, n));
        int[] v = new int[n], c = new int[n], k = new int[n];
        float[] text = new float[n * d];
        for (int i = 0; i < n; i++) {
            int src = videos[i];
            v[i] = catalogue.videos()[src];
            c[i] = catalogue.creators()[src];
            k[i] = catalogue.categories()[src];
            System.arraycopy(catalogue.text(), src * d, text, i * d, d);
        }
        ItemFeatureBatch items = new ItemFeatureBatch(n, v, c, k, d, text);
        return new TwoTowerExamples(users, items, Arrays.copyOf(logQ, n));
    }

    ExampleOrigins origins() {
        return new ExampleOrigins(Arrays.copyOf(offsets, size), Arrays.copyOf(times, size),
                Arrays.copyOf(featureOffsets, size), Arrays.copyOf(newest, size), Arrays.copyOf(videos, size));
    }
}
