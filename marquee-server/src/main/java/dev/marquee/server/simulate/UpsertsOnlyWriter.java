package dev.marquee.server.simulate;

import dev.marquee.events.LogRecord;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.VideoUpserted;
import dev.marquee.features.FeatureWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code no-realtime} variant's feature writer: passes catalogue upserts (new videos, new users) to the
 * store so they can be served, and drops every interaction, so engagement features stay as they were at
 * the start of the run. The offsets still advance, so the updater's watermark behaves as usual.
 */
final class UpsertsOnlyWriter implements FeatureWriter {
    private final FeatureWriter store;
    private long appliedOffset;

    UpsertsOnlyWriter(FeatureWriter store) {
        this.store = store;
        this.appliedOffset = store.appliedOffset();
    }

    @Override
    public int apply(List<LogRecord> batch) {
        List<LogRecord> upserts = new ArrayList<>();
        for (LogRecord r : batch) {
            if (r.event() instanceof VideoUpserted || r.event() instanceof UserUpserted) {
                upserts.add(r);
            }
        }
        int applied = upserts.isEmpty() ? 0 : store.apply(upserts);
        if (!batch.isEmpty()) {
            appliedOffset = Math.max(appliedOffset, batch.getLast().offset());
        }
        return applied;
    }

    @Override
    public long appliedOffset() {
        return appliedOffset;
    }
}
