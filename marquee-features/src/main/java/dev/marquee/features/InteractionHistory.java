package dev.marquee.features;

/**
 * A user's most recent interactions, newest first, as parallel columns (index i is one interaction).
 * Arrays are private copies owned by the caller; record equality is by array identity.
 *
 * @param videos       dense video ids
 * @param types        what happened
 * @param watchSeconds watch time for views, 0 otherwise
 * @param times        event time in epoch ms
 */
public record InteractionHistory(int[] videos, InteractionType[] types, float[] watchSeconds, long[] times) {
    public static final InteractionHistory EMPTY =
            new InteractionHistory(new int[0], new InteractionType[0], new float[0], new long[0]);

    public InteractionHistory {
        if (videos.length != types.length || videos.length != watchSeconds.length || videos.length != times.length) {
            throw new IllegalArgumentException("history columns differ in length");
        }
    }

    public int size() {
        return videos.length;
    }

    /** Whether {@code video} appears in the history with interaction {@code type}. */
    public boolean contains(int video, InteractionType type) {
        for (int i = 0; i < videos.length; i++) {
            if (videos[i] == video && types[i] == type) {
                return true;
            }
        }
        return false;
    }
}
