package dev.marquee.events;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The append step of {@link FileEventLog}: frames a batch of events ({@code appendedAtMicros:i64,
 * event} per record) into one {@link RecordBatch}, drops eventIds already in the {@link DedupeWindow}
 * or earlier in the batch, appends the rest and only then remembers their ids. Three passes on
 * primitive arrays: encode and hash, look up every hash in one tight loop (independent cache misses
 * overlap), then compact the rare duplicates away. Not thread-safe: the log's writer lock guards it.
 */
final class DedupingEventAppender {
    private final SegmentedFileLog log;
    private final DedupeWindow window;
    private final RecordBatch records;
    private final BatchIdSet batchIds = new BatchIdSet();
    private long[] hashes = new long[1024];
    private boolean[] duplicate = new boolean[1024];

    DedupingEventAppender(SegmentedFileLog log, DedupeWindow window) {
        this.log = log;
        this.window = window;
        this.records = log.newBatch();
    }

    /** Rebuilds the dedupe window from one stored record (used by recovery). */
    static void remember(DedupeWindow window, ByteBuffer payload) {
        int event = payload.position() + 8;
        window.add(EventBinaryCodec.eventIdHashAt(payload, event), EventBinaryCodec.timestampAt(payload, event));
    }

    AppendResult append(List<? extends Event> batch, long micros) {
        int n = batch.size();
        if (hashes.length < n) {
            hashes = new long[n];
            duplicate = new boolean[n];
        }
        records.clear();
        for (int i = 0; i < n; i++) {
            hashes[i] = encode(batch.get(i), i, micros);
        }
        batchIds.clear(n);
        int accepted = 0;
        for (int i = 0; i < n; i++) {
            duplicate[i] = window.contains(hashes[i]) || !batchIds.add(hashes[i]);
            accepted += duplicate[i] ? 0 : 1;
        }
        if (accepted < n) {
            records.drop(duplicate);
        }
        long[] offsets = new long[n];
        long next = log.endOffset();
        for (int i = 0, k = 0; i < n; i++) {
            offsets[i] = duplicate[i] ? -1 : next + k++;
        }
        log.append(records);
        for (int i = 0; i < n; i++) {
            if (!duplicate[i]) {
                window.add(hashes[i], batch.get(i).timestamp());
            }
        }
        return new AppendResult(offsets, accepted, n - accepted);
    }

    /** Frames {@code e} into the batch; returns the hash of its eventId. */
    private long encode(Event e, int index, long micros) {
        if (e == null) {
            throw new IllegalArgumentException("event " + index + " of the batch is null");
        }
        ByteBuffer buf = records.begin(8 + EventBinaryCodec.maxEncodedSize(e));
        int start = buf.position();
        buf.putLong(micros);
        try {
            EventBinaryCodec.write(e, buf);
        } catch (IllegalArgumentException ex) {
            records.abort();
            throw new IllegalArgumentException("event " + index + " (" + e.type() + "): " + ex.getMessage(), ex);
        }
        records.commit();
        return EventBinaryCodec.eventIdHashAt(buf, start + 8);
    }
}
