package dev.marquee.events;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The embedded, durable {@link EventLog}: events in {@link EventBinaryCodec} form on a
 * {@link SegmentedFileLog}, each record {@code appendedAtMicros:i64, event}. Dedupe by eventId within
 * a window of event time ({@link DedupeWindow}), rebuilt from the records on open. Appends are
 * serialised by one writer lock; {@code read} and subscriptions run concurrently with them, and a
 * subscription wakes on a signal from the append that published new records (no polling).
 */
public final class FileEventLog implements EventLog {
    private final SegmentedFileLog log;
    private final FileEventLogConfig config;
    private final LongSupplier epochMicros;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final DedupingEventAppender appender;
    private final AppendSignal appended = new AppendSignal();
    private final List<FileEventLogSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FileEventLog(Path dir, FileEventLogConfig config, LongSupplier epochMicros) {
        this.config = config;
        this.epochMicros = epochMicros;
        DedupeWindow window = new DedupeWindow(config.dedupeWindow(), config.maxTrackedEventIds());
        this.log = SegmentedFileLog.open(dir, config.log(), (offset, payload) -> DedupingEventAppender.remember(window, payload));
        this.appender = new DedupingEventAppender(log, window);
    }

    /** Opens (creating or recovering) the log in {@code dir} with {@link FileEventLogConfig#DEFAULTS}. */
    public static FileEventLog open(Path dir) {
        return open(dir, FileEventLogConfig.DEFAULTS);
    }

    public static FileEventLog open(Path dir, FileEventLogConfig config) {
        return open(dir, config, FileEventLog::systemMicros);
    }

    /** {@code epochMicros} stamps {@link LogRecord#appendedAtMicros()}. */
    public static FileEventLog open(Path dir, FileEventLogConfig config, LongSupplier epochMicros) {
        return new FileEventLog(dir, config, epochMicros);
    }

    private static long systemMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /**
     * Appends the events not seen within the dedupe window, in order, and returns once they are
     * durable. Throws IllegalArgumentException for an event that cannot be encoded (a null field) and
     * {@link EventLogException} on I/O failure; in both cases nothing of the batch is appended.
     */
    @Override
    public AppendResult append(List<? extends Event> batch) {
        AppendResult result;
        writeLock.lock();
        try {
            if (closed) {
                throw new EventLogException("log is closed");
            }
            result = appender.append(batch, epochMicros.getAsLong());
        } finally {
            writeLock.unlock();
        }
        if (result.accepted() > 0 && !subscriptions.isEmpty()) {
            appended.signal();
        }
        return result;
    }

    @Override
    public List<LogRecord> read(long fromOffset, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, got " + max);
        }
        LogCursor cursor = log.cursor(fromOffset);
        List<LogRecord> out = new ArrayList<>((int) Math.clamp(log.endOffset() - fromOffset, 0, Math.min(max, 1 << 16)));
        cursor.poll(max, (offset, payload) -> out.add(decode(offset, payload)));
        return out;
    }

    static LogRecord decode(long offset, ByteBuffer payload) {
        long micros = payload.getLong();
        return new LogRecord(offset, micros, EventBinaryCodec.read(payload));
    }

    @Override
    public long endOffset() {
        return log.endOffset();
    }

    /**
     * Delivers records from {@code fromOffset} on a new daemon thread, in batches of at most
     * {@link FileEventLogConfig#subscriptionBatch()}, then tails new appends. A consumer that throws
     * ends its subscription (the exception goes to the thread's uncaught-exception handler).
     */
    @Override
    public AutoCloseable subscribe(long fromOffset, Consumer<List<LogRecord>> consumer) {
        if (closed) {
            throw new EventLogException("log is closed");
        }
        FileEventLogSubscription s = new FileEventLogSubscription(this, log.cursor(fromOffset), consumer, config.subscriptionBatch());
        subscriptions.add(s);
        s.start();
        return s;
    }

    /** Blocks until the log ends past {@code offset}, the log closes or {@code s} is stopped. */
    void awaitAppend(long offset, FileEventLogSubscription s) throws InterruptedException {
        appended.awaitUntil(() -> log.endOffset() > offset || closed || s.stopped());
    }

    void wake() {
        appended.signal();
    }

    void removed(FileEventLogSubscription s) {
        subscriptions.remove(s);
    }

    boolean isClosed() {
        return closed;
    }

    /** Stops the subscriptions (waiting for their threads), then closes the files. */
    @Override
    public void close() {
        closed = true;
        appended.signal();
        for (FileEventLogSubscription s : subscriptions) {
            s.close();
        }
        writeLock.lock();
        try {
            log.close();
        } finally {
            writeLock.unlock();
        }
    }
}
