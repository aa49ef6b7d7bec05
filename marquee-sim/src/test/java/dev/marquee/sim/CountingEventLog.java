package dev.marquee.sim;

import dev.marquee.events.AppendResult;
import dev.marquee.events.Event;
import dev.marquee.events.EventSink;
import java.util.List;

/**
 * An {@link EventSink} that keeps nothing: it counts appended events and checks their timestamps never go
 * backwards, so generation can be measured at scales no in-memory log could hold.
 */
final class CountingEventLog implements EventSink {
    private long count;
    private long lastTimestamp = Long.MIN_VALUE;
    private long outOfOrder;

    @Override
    public AppendResult append(List<? extends Event> batch) {
        long[] offsets = new long[batch.size()];
        for (int i = 0; i < offsets.length; i++) {
            long t = batch.get(i).timestamp();
            if (t < lastTimestamp) {
                outOfOrder++;
            }
            lastTimestamp = t;
            offsets[i] = count++;
        }
        return new AppendResult(offsets, offsets.length, 0);
    }

    long count() {
        return count;
    }

    long outOfOrder() {
        return outOfOrder;
    }
}
