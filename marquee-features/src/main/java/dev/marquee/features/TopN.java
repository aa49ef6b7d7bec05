package dev.marquee.features;

import java.util.Arrays;

/**
 * A ranked list of dense video ids with their scores, best first, as of log offset {@code offset}.
 * Scores are decayed long-view counts (popularity), long views per hour (trending) or upload time in epoch
 * ms (recent uploads), as the producing method documents.
 */
public record TopN(int[] videos, double[] scores, long offset) {
    public TopN {
        if (videos.length != scores.length) {
            throw new IllegalArgumentException("videos and scores differ in length");
        }
    }

    static TopN empty(long offset) {
        return new TopN(new int[0], new double[0], offset);
    }

    static TopN trimmed(int[] videos, double[] scores, int size, long offset) {
        return size == videos.length ? new TopN(videos, scores, offset)
                : new TopN(Arrays.copyOf(videos, size), Arrays.copyOf(scores, size), offset);
    }

    public int size() {
        return videos.length;
    }
}
