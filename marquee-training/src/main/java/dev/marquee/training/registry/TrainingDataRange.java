package dev.marquee.training.registry;

/**
 * The log offsets a model was trained on, half-open {@code [from, to)}, so a run can be reproduced from the
 * event and impression logs and the next run knows where new data starts.
 */
public record TrainingDataRange(long eventLogFrom, long eventLogTo, long impressionLogFrom, long impressionLogTo) {
    public TrainingDataRange {
        check("event log", eventLogFrom, eventLogTo);
        check("impression log", impressionLogFrom, impressionLogTo);
    }

    private static void check(String log, long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(log + " offsets must satisfy 0 <= from <= to, got from="
                    + from + " to=" + to);
        }
    }
}
