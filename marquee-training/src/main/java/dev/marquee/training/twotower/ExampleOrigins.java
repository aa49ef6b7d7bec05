package dev.marquee.training.twotower;

/**
 * Where each example came from, row-aligned with its {@code TwoTowerExamples}: the positive's log offset and
 * event time, the log offset the user's features were read at, the newest event time in the history that
 * was encoded (Long.MIN_VALUE when empty), and the target's roster id. Lets tests and audits prove
 * point-in-time correctness: {@code featureOffsets[i] < offsets[i]} and {@code newestHistoryTimes[i] <= times[i]}.
 */
public record ExampleOrigins(long[] offsets, long[] times, long[] featureOffsets, long[] newestHistoryTimes,
                             int[] videos) {

    public int size() {
        return offsets.length;
    }
}
