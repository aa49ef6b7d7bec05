package dev.marquee.features.redis;

import dev.marquee.events.Event;
import dev.marquee.events.LogRecord;
import java.util.ArrayList;
import java.util.List;

/** Wraps events as log records with consecutive offsets from {@code from} (one writer's stream). */
final class SyntheticOffsets {
    private SyntheticOffsets() {
    }

    static List<LogRecord> from(long from, List<? extends Event> events) {
        List<LogRecord> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            out.add(new LogRecord(from + i, 0L, events.get(i)));
        }
        return out;
    }
}
