package dev.marquee.events;

import java.util.List;
import java.util.function.Consumer;

/**
 * The source of truth: an append-only, replayable, durable sequence of events. Embedded default:
 * {@code FileEventLog}; scale-out: Kafka. Contract (see {@code EventLogContractTest}):
 * <ul>
 * <li>{@link #append} returns only once every record of the batch is durable; a repeated eventId within
 *     the dedupe window is acknowledged but not stored twice; a failure stores nothing acknowledged.</li>
 * <li>{@link #read} returns records in offset order starting at {@code fromOffset}.</li>
 * <li>{@link #subscribe} delivers every record from {@code fromOffset} on, in order, then tails new ones.</li>
 * </ul>
 */
public interface EventLog extends EventSink, AutoCloseable {
    @Override
    AppendResult append(List<? extends Event> batch);

    List<LogRecord> read(long fromOffset, int max);

    /** Offset the next appended record will get (= number of records when offsets start at 0). */
    long endOffset();

    /**
     * Delivers records from {@code fromOffset} in order on a background thread, in batches, and keeps
     * tailing until the returned handle is closed.
     */
    AutoCloseable subscribe(long fromOffset, Consumer<List<LogRecord>> consumer);

    @Override
    void close();
}
