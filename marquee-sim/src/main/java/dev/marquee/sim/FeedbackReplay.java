package dev.marquee.sim;

import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.EventLog;
import dev.marquee.events.Impression;
import dev.marquee.events.Interaction;
import dev.marquee.events.LogRecord;
import dev.marquee.events.Share;
import dev.marquee.events.View;
import java.util.List;

/**
 * Brings a {@link BaselinePolicy} to the state it would have after serving a logged history: every
 * impression, click, long view and share of the log prefix is observed in order, with the hourly chart
 * refreshes run at the right event times. So the "popular" baseline of a closed-loop run starts from the
 * same history as the pipeline policies, instead of an empty chart.
 */
public final class FeedbackReplay {
    private FeedbackReplay() {
    }

    /** Replays records {@code [0, endOffset)} of {@code log}; returns the interactions observed. */
    public static long replay(EventLog log, long endOffset, World world, BaselinePolicy policy) {
        long observed = 0;
        long next = 0;
        while (next < endOffset) {
            List<LogRecord> batch = log.read(next, (int) Math.min(8192, endOffset - next));
            if (batch.isEmpty()) {
                break;
            }
            for (LogRecord r : batch) {
                if (r.offset() >= endOffset) {
                    return observed;
                }
                observed += observe(r.event(), world, policy) ? 1 : 0;
            }
            next = batch.getLast().offset() + 1;
        }
        return observed;
    }

    /**
     * Observes one logged event (impression, click, long view or share; anything else is ignored), running
     * the chart refreshes due by its time first. Returns whether the event was observed.
     */
    public static boolean observe(Event e, World world, BaselinePolicy policy) {
        FeedPolicy.Feedback feedback = switch (e) {
            case Impression i -> FeedPolicy.Feedback.IMPRESSION;
            case Click c -> FeedPolicy.Feedback.CLICK;
            case View v -> v.watchSeconds() > View.LONG_VIEW_SECONDS ? FeedPolicy.Feedback.LONG_VIEW : null;
            case Share s -> FeedPolicy.Feedback.SHARE;
            default -> null;
        };
        if (feedback == null) {
            return false;
        }
        policy.advanceTo(e.timestamp());
        policy.observe(0, world.videoIndex(((Interaction) e).videoId()), e.timestamp(), feedback);
        return true;
    }
}
