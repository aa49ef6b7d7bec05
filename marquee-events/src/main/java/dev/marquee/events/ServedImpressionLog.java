package dev.marquee.events;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The served-impression stream: a {@link SegmentedFileLog} of {@link ServedImpressionCodec} records beside
 * the event log (same durability and recovery rules). Appends are serialised (side effects of concurrent
 * requests share one instance); readers use their own cursors and never block the writer.
 */
public final class ServedImpressionLog implements AutoCloseable {
    private final SegmentedFileLog log;
    private final RecordBatch batch;

    private ServedImpressionLog(SegmentedFileLog log) {
        this.log = log;
        this.batch = log.newBatch();
    }

    /** Opens (creating if needed) the stream in {@code dir}, recovering a torn tail. */
    public static ServedImpressionLog open(Path dir, SegmentedLogConfig config) {
        return new ServedImpressionLog(SegmentedFileLog.open(dir, config, (offset, payload) -> { }));
    }

    /**
     * Appends the records in order, durably (per the config's fsync policy), and returns the first one's
     * offset. A record that cannot be encoded (too large) fails the whole call with nothing appended.
     */
    public synchronized long append(List<ServedImpression> records) {
        batch.clear();
        for (ServedImpression r : records) {
            ServedImpressionCodec.write(r, batch.begin(ServedImpressionCodec.maxEncodedSize(r)));
            batch.commit();
        }
        return log.append(batch);
    }

    /** Offset the next appended record will get (= records so far). */
    public long endOffset() {
        return log.endOffset();
    }

    /** Up to {@code max} records from {@code fromOffset}, in order. */
    public List<ServedImpression> read(long fromOffset, int max) {
        List<ServedImpression> out = new ArrayList<>(Math.min(max, 1024));
        log.cursor(fromOffset).poll(max, (offset, payload) -> out.add(decode(offset, payload)));
        return out;
    }

    /** Visits every record from {@code fromOffset} to the current end; returns how many. */
    public long forEach(long fromOffset, Consumer<ServedImpression> visitor) {
        LogCursor cursor = log.cursor(fromOffset);
        long n = 0;
        int got;
        while ((got = cursor.poll(4096, (offset, payload) -> visitor.accept(decode(offset, payload)))) > 0) {
            n += got;
        }
        return n;
    }

    private static ServedImpression decode(long offset, java.nio.ByteBuffer payload) {
        try {
            return ServedImpressionCodec.read(payload);
        } catch (IllegalArgumentException e) {
            throw new EventLogException("served impression at offset " + offset + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
