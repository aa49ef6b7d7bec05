package dev.marquee.server;

import dev.marquee.events.EventLog;
import dev.marquee.events.LogRecord;
import dev.marquee.features.FeatureWriter;
import java.util.List;
import java.util.function.LongConsumer;

/** Replays an event log into a feature writer from its applied offset to the current end (startup, stats). */
public final class Replay {
    private Replay() {
    }

    /** @return the number of records applied */
    public static long into(FeatureWriter writer, EventLog log, LongConsumer progress) {
        long end = log.endOffset();
        long next = writer.appliedOffset() + 1;
        long applied = 0;
        while (next < end) {
            List<LogRecord> batch = log.read(next, 8192);
            if (batch.isEmpty()) {
                break;
            }
            writer.apply(batch);
            applied += batch.size();
            next = batch.getLast().offset() + 1;
            progress.accept(next);
        }
        progress.accept(end);
        return applied;
    }
}
