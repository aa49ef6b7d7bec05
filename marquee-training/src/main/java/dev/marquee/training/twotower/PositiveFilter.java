package dev.marquee.training.twotower;

import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.Interaction;
import dev.marquee.events.View;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Decides which interactions are training positives (a click, or a view over 30 s) and folds the click and
 * the long view of one (user, video, request) into one positive: the first of them within the dedupe window
 * counts, later ones are duplicates. Organic plays (no request id) dedupe per (user, video) within the window.
 * Memory is bounded by the window: expired keys are swept every {@value #SWEEP_EVERY} positives.
 */
final class PositiveFilter {
    private static final int SWEEP_EVERY = 100_000;

    private final long windowMillis;
    private final Map<String, Long> lastSeen = new HashMap<>();
    private int sinceSweep;

    PositiveFilter(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    static boolean isPositive(Event event) {
        return event instanceof Click || event instanceof View v && v.isLongView();
    }

    /** True when {@code event} is a positive not already counted; remembers it. */
    boolean accept(Event event) {
        if (!isPositive(event)) {
            return false;
        }
        Interaction i = (Interaction) event;
        String key = i.userId() + '\u0000' + i.videoId() + '\u0000' + (i.requestId() == null ? "" : i.requestId());
        long t = event.timestamp();
        Long previous = lastSeen.get(key);
        if (previous != null && t - previous <= windowMillis) {
            return false;
        }
        lastSeen.put(key, t);
        if (++sinceSweep >= SWEEP_EVERY) {
            sweep(t);
        }
        return true;
    }

    private void sweep(long now) {
        sinceSweep = 0;
        for (Iterator<Long> it = lastSeen.values().iterator(); it.hasNext(); ) {
            if (now - it.next() > windowMillis) {
                it.remove();
            }
        }
    }
}
