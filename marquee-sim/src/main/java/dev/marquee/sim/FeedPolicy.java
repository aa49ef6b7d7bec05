package dev.marquee.sim;

/**
 * What a simulated user is shown when they open their feed. The history generator and the closed-loop
 * simulator call it; implementations range from {@link BaselinePolicy} to an adapter over the real
 * Marquee pipeline (which learns from the event log instead of {@link #observe}).
 */
public interface FeedPolicy {

    /** What the simulated user did with a shown video, reported back in event-time order. */
    enum Feedback { IMPRESSION, CLICK, LONG_VIEW, SHARE }

    /**
     * Up to {@code k} distinct dense video ids, best first, every one uploaded at or before
     * {@code timeMillis} (i.e. below {@code world.videosUploadedBy(timeMillis)}); fewer only when fewer exist.
     */
    int[] recommend(int user, long timeMillis, int k);

    /** Feedback hook for policies that learn online; the default ignores it. */
    default void observe(int user, int video, long timeMillis, Feedback feedback) {
    }

    /**
     * Called by the closed-loop simulator when simulated time reaches the start of simulated day {@code day}
     * (0 = the first simulated day), before any event of that day: the hook for batch work on a schedule,
     * such as retraining models. The history generator never calls it; the default does nothing.
     */
    default void dayStarted(int day, long dayStartMillis) {
    }
}
