package dev.marquee.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A non-durable {@link EventLog} for tests and simulations that need no disk: same ordering, dedupe and
 * tailing semantics as the durable logs, but nothing survives the process. Never used by {@code serve}.
 */
public final class InMemoryEventLog implements EventLog {
    private final List<LogRecord> records = new ArrayList<>();
    private final Set<String> seenIds = new HashSet<>();
    private final List<Tail> tails = new ArrayList<>();
    private boolean closed;

    @Override
    public synchronized AppendResult append(List<? extends Event> batch) {
        if (closed) {
            throw new EventLogException("log is closed");
        }
        long[] offsets = new long[batch.size()];
        int accepted = 0;
        long now = System.currentTimeMillis() * 1000L;
        Set<String> inBatch = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            Event e = batch.get(i);
            if (seenIds.contains(e.eventId()) || !inBatch.add(e.eventId())) {
                offsets[i] = -1;
                continue;
            }
            offsets[i] = records.size();
            records.add(new LogRecord(records.size(), now, e));
            accepted++;
        }
        seenIds.addAll(inBatch);
        notifyAll();
        return new AppendResult(offsets, accepted, batch.size() - accepted);
    }

    @Override
    public synchronized List<LogRecord> read(long fromOffset, int max) {
        if (fromOffset < 0 || max < 0) {
            throw new IllegalArgumentException("fromOffset and max must be >= 0, got " + fromOffset + ", " + max);
        }
        int from = (int) Math.min(fromOffset, records.size());
        int to = (int) Math.min(records.size(), from + (long) max);
        return List.copyOf(records.subList(from, to));
    }

    @Override
    public synchronized long endOffset() {
        return records.size();
    }

    @Override
    public AutoCloseable subscribe(long fromOffset, Consumer<List<LogRecord>> consumer) {
        Tail tail = new Tail(fromOffset, consumer);
        synchronized (this) {
            tails.add(tail);
        }
        tail.thread.start();
        return tail;
    }

    private synchronized List<LogRecord> awaitFrom(long offset, Tail tail) throws InterruptedException {
        while (!closed && !tail.stopped && offset >= records.size()) {
            wait(100);
        }
        return read(offset, 4096);
    }

    @Override
    public void close() {
        List<Tail> toStop;
        synchronized (this) {
            closed = true;
            toStop = List.copyOf(tails);
            notifyAll();
        }
        for (Tail t : toStop) {
            t.close();
        }
    }

    private final class Tail implements AutoCloseable {
        private final Thread thread;
        private volatile boolean stopped;

        Tail(long from, Consumer<List<LogRecord>> consumer) {
            thread = Thread.ofPlatform().daemon().name("in-memory-log-tail").unstarted(() -> {
                long next = from;
                try {
                    while (!stopped) {
                        List<LogRecord> batch = awaitFrom(next, this);
                        if (batch.isEmpty()) {
                            if (closed) {
                                return;
                            }
                            continue;
                        }
                        consumer.accept(batch);
                        next = batch.getLast().offset() + 1;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        @Override
        public void close() {
            stopped = true;
            synchronized (InMemoryEventLog.this) {
                InMemoryEventLog.this.notifyAll();
            }
            if (Thread.currentThread() != thread) {
                try {
                    thread.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
