package dev.marquee.sim;

/** Progress of a history generation, for the CLI's progress bar; the library itself never prints. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (events, fraction) -> {
    };

    /**
     * Called after each appended batch, on the generating thread.
     *
     * @param eventsAppended   events handed to the log so far
     * @param fractionOfPeriod simulated time covered, 0 (back catalogue) to 1 (end of the last day)
     */
    void onProgress(long eventsAppended, double fractionOfPeriod);
}
