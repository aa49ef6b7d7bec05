package dev.marquee.events.kafka;

import dev.marquee.events.LogRecord;
import dev.marquee.features.FeatureWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Adapts a {@link FeatureWriter}, whose redelivery guard skips every record at or below its applied offset
 * (right for one totally ordered log), to records arriving from many partitions in any interleaving: each
 * batch is renumbered to {@code appliedOffset() + 1, + 2, ...} before it is applied, so no record is skipped
 * for sorting below a record of another partition. Redelivery after a rebalance or restart is then not caught
 * by offsets but by the writer's event-id idempotence (interactions are applied once per event id within its
 * window; upserts and deletions are last-write-wins). The writer's applied offset becomes a count of applied
 * records, not a Kafka position: consumer-group commits are the resume position. Share one instance among all
 * loops feeding the same writer (its monitor serialises renumber + apply).
 */
public final class ResequencingFeatureWriter implements FeatureWriter {
    private final FeatureWriter delegate;

    public ResequencingFeatureWriter(FeatureWriter delegate) {
        this.delegate = delegate;
    }

    /** Renumbers and applies; throws IllegalArgumentException for a malformed event like the delegate. */
    @Override
    public synchronized int apply(List<LogRecord> batch) {
        return delegate.apply(renumber(batch, 0, delegate.appliedOffset() + 1));
    }

    /**
     * Applies the batch, handing each malformed record (the delegate threw IllegalArgumentException for it) to
     * {@code rejected} and continuing after it, so one poison event cannot stall a partition. Returns how many
     * records changed state.
     */
    public synchronized int applySkippingMalformed(List<LogRecord> batch, BiConsumer<LogRecord, IllegalArgumentException> rejected) {
        int changed = 0;
        int from = 0;
        while (from < batch.size()) {
            long base = delegate.appliedOffset() + 1;
            try {
                changed += delegate.apply(renumber(batch, from, base));
                from = batch.size();
            } catch (IllegalArgumentException e) {
                int bad = from + (int) (delegate.appliedOffset() + 1 - base);
                rejected.accept(batch.get(bad), e);
                from = bad + 1;
            }
        }
        return changed;
    }

    @Override
    public long appliedOffset() {
        return delegate.appliedOffset();
    }

    private static List<LogRecord> renumber(List<LogRecord> batch, int from, long base) {
        List<LogRecord> out = new ArrayList<>(batch.size() - from);
        for (int i = from; i < batch.size(); i++) {
            LogRecord r = batch.get(i);
            out.add(new LogRecord(base + i - from, r.appendedAtMicros(), r.event()));
        }
        return out;
    }
}
