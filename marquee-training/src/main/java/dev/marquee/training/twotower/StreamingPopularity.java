package dev.marquee.training.twotower;

import java.util.Arrays;

/**
 * The sampling probability of each video as a positive, estimated from the positives seen so far in the
 * replay (the streaming frequency estimate of Yi et al., RecSys 2019), with additive smoothing so unseen
 * videos get a small non-zero probability: {@code q(v) = (count(v) + α) / (total + α·videos)}.
 */
final class StreamingPopularity {
    private final double alpha;
    private int[] counts = new int[1024];
    private long total;

    StreamingPopularity(double alpha) {
        this.alpha = alpha;
    }

    /** {@code log q(video)} given {@code videos} known so far, before counting this positive. */
    float logQ(int video, int videos) {
        int c = video < counts.length ? counts[video] : 0;
        return (float) Math.log((c + alpha) / (total + alpha * Math.max(1, videos)));
    }

    void count(int video) {
        if (video >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(video + 1, counts.length * 2));
        }
        counts[video]++;
        total++;
    }
}
