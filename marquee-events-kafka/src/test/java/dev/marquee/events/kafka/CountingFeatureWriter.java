package dev.marquee.events.kafka;

import dev.marquee.events.LogRecord;
import dev.marquee.features.FeatureWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Forwards to a real writer and counts the records that changed state (what "applied once" is checked on). */
final class CountingFeatureWriter implements FeatureWriter {
    private final FeatureWriter delegate;
    private final AtomicLong changed = new AtomicLong();

    CountingFeatureWriter(FeatureWriter delegate) {
        this.delegate = delegate;
    }

    @Override
    public int apply(List<LogRecord> batch) {
        int n = delegate.apply(batch);
        changed.addAndGet(n);
        return n;
    }

    @Override
    public long appliedOffset() {
        return delegate.appliedOffset();
    }

    long changed() {
        return changed.get();
    }
}
