package dev.marquee.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One tailing reader of a {@link FileEventLog}: a daemon thread that drains its cursor in batches and,
 * at the end of the log, waits on the log's append signal. Closing it stops and joins the thread
 * (unless called from the consumer itself).
 */
final class FileEventLogSubscription implements AutoCloseable {
    private final FileEventLog owner;
    private final LogCursor cursor;
    private final Consumer<List<LogRecord>> consumer;
    private final int batch;
    private final Thread thread;
    private volatile boolean stopped;

    FileEventLogSubscription(FileEventLog owner, LogCursor cursor, Consumer<List<LogRecord>> consumer, int batch) {
        this.owner = owner;
        this.cursor = cursor;
        this.consumer = consumer;
        this.batch = batch;
        this.thread = Thread.ofPlatform().daemon().name("file-event-log-tail-" + cursor.nextOffset()).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    boolean stopped() {
        return stopped;
    }

    private void run() {
        try {
            List<LogRecord> records = new ArrayList<>(batch);
            while (!stopped && !owner.isClosed()) {
                records.clear();
                cursor.poll(batch, (offset, payload) -> records.add(FileEventLog.decode(offset, payload)));
                if (records.isEmpty()) {
                    owner.awaitAppend(cursor.nextOffset(), this);
                } else if (!stopped) {
                    consumer.accept(List.copyOf(records));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (EventLogException e) {
            if (!owner.isClosed()) {
                throw e;
            }
        } finally {
            owner.removed(this);
        }
    }

    @Override
    public void close() {
        stopped = true;
        owner.wake();
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
