package dev.marquee.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link EventLog} contract every backend runs: ordering, dense offsets, dedupe, read ranges,
 * subscriptions (backlog then tail) and concurrent appenders. Durable backends extend
 * {@link DurableEventLogContractTest}, which adds reopening. Subclasses provide {@link #newLog(Path)}.
 */
public abstract class EventLogContractTest {
    @TempDir
    protected Path dir;
    private final List<EventLog> opened = new ArrayList<>();

    /** A log stored in {@code dir} (a durable backend opened again on the same dir sees the same records). */
    protected abstract EventLog newLog(Path dir);

    protected final EventLog open() {
        EventLog log = newLog(dir);
        opened.add(log);
        return log;
    }

    protected final EventLog reopen(EventLog log) {
        log.close();
        return open();
    }

    @AfterEach
    void closeLogs() {
        opened.forEach(EventLog::close);
    }

    @Test
    void append_returnsOffsetsInOrder() {
        EventLog log = open();
        AppendResult first = log.append(TestEvents.batch("a", 3));
        AppendResult second = log.append(TestEvents.batch("b", 2));
        assertThat(first.offsets()).containsExactly(0, 1, 2);
        assertThat(second.offsets()).containsExactly(3, 4);
        assertThat(second.accepted()).isEqualTo(2);
        assertThat(log.endOffset()).isEqualTo(5);
        assertThat(TestEvents.ids(log.read(0, 10))).containsExactly("a0", "a1", "a2", "b0", "b1");
    }

    @Test
    void append_emptyBatch_appendsNothing() {
        EventLog log = open();
        AppendResult r = log.append(List.of());
        assertThat(r.offsets()).isEmpty();
        assertThat(log.endOffset()).isZero();
    }

    @Test
    void read_returnsEveryEventTypeUnchanged() {
        EventLog log = open();
        log.append(TestEvents.everyType());
        List<LogRecord> records = log.read(0, 100);
        assertThat(records).extracting(LogRecord::event).containsExactlyElementsOf(TestEvents.everyType());
        assertThat(records).extracting(LogRecord::offset).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void append_stampsAppendedAtMicros() {
        EventLog log = open();
        long before = System.currentTimeMillis() * 1000 - 1_000_000;
        log.append(TestEvents.batch("a", 2));
        log.append(TestEvents.batch("b", 2));
        List<LogRecord> records = log.read(0, 10);
        assertThat(records.getFirst().appendedAtMicros()).isGreaterThan(before);
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).appendedAtMicros()).isGreaterThanOrEqualTo(records.get(i - 1).appendedAtMicros());
        }
    }

    @Test
    void read_returnsRequestedRange() {
        EventLog log = open();
        log.append(TestEvents.batch("a", 10));
        assertThat(TestEvents.ids(log.read(3, 4))).containsExactly("a3", "a4", "a5", "a6");
        assertThat(TestEvents.ids(log.read(8, 100))).containsExactly("a8", "a9");
        assertThat(log.read(10, 5)).isEmpty();
        assertThat(log.read(50, 5)).isEmpty();
        assertThat(log.read(2, 0)).isEmpty();
        assertThatThrownBy(() -> log.read(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dedupe_repeatedIdWithinBatch_isAcknowledgedNotAppended() {
        EventLog log = open();
        List<Event> batch = List.of(TestEvents.click("x"), TestEvents.click("y"), TestEvents.click("x"));
        AppendResult r = log.append(batch);
        assertThat(r.offsets()).containsExactly(0, 1, -1);
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(log.endOffset()).isEqualTo(2);
    }

    @Test
    void dedupe_repeatedIdAcrossBatches_isAcknowledgedNotAppended() {
        EventLog log = open();
        log.append(TestEvents.batch("a", 5));
        AppendResult r = log.append(List.of(TestEvents.click("a2"), TestEvents.click("new"), TestEvents.click("a4")));
        assertThat(r.offsets()).containsExactly(-1, 5, -1);
        assertThat(r.duplicates()).isEqualTo(2);
        assertThat(TestEvents.ids(log.read(0, 100))).containsExactly("a0", "a1", "a2", "a3", "a4", "new");
    }

    @Test
    void subscribe_deliversBacklogThenTailsNewAppends() throws Exception {
        EventLog log = open();
        log.append(TestEvents.batch("a", 50));
        List<LogRecord> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable sub = log.subscribe(0, seen::addAll)) {
            awaitUntil(() -> seen.size() >= 50);
            log.append(TestEvents.batch("b", 30));
            awaitUntil(() -> seen.size() >= 80);
            log.append(TestEvents.batch("c", 1));
            awaitUntil(() -> seen.size() >= 81);
        }
        assertThat(seen).extracting(LogRecord::offset).containsExactlyElementsOf(range(0, 81));
        assertThat(seen.getLast().event().eventId()).isEqualTo("c0");
    }

    @Test
    void subscribe_fromMiddle_startsThere() throws Exception {
        EventLog log = open();
        log.append(TestEvents.batch("a", 20));
        List<LogRecord> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable sub = log.subscribe(15, seen::addAll)) {
            awaitUntil(() -> seen.size() >= 5);
        }
        assertThat(TestEvents.ids(seen)).containsExactly("a15", "a16", "a17", "a18", "a19");
    }

    @Test
    void subscribe_closed_stopsDelivering() throws Exception {
        EventLog log = open();
        List<LogRecord> seen = new CopyOnWriteArrayList<>();
        AutoCloseable sub = log.subscribe(0, seen::addAll);
        log.append(TestEvents.batch("a", 3));
        awaitUntil(() -> seen.size() >= 3);
        sub.close();
        log.append(TestEvents.batch("b", 3));
        List<LogRecord> probe = new CopyOnWriteArrayList<>();
        try (AutoCloseable other = log.subscribe(0, probe::addAll)) {
            awaitUntil(() -> probe.size() >= 6);
        }
        assertThat(seen).hasSize(3);
    }

    @Test
    void close_endsSubscriptions() throws Exception {
        EventLog log = open();
        log.append(TestEvents.batch("a", 3));
        List<Thread> tailThreads = new CopyOnWriteArrayList<>();
        log.subscribe(0, records -> tailThreads.add(Thread.currentThread()));
        awaitUntil(() -> !tailThreads.isEmpty());
        log.close();
        awaitUntil(() -> !tailThreads.getFirst().isAlive());
    }

    @Test
    void concurrentAppenders_getDenseDistinctOffsets() throws Exception {
        EventLog log = open();
        int threads = 4;
        int batches = 50;
        int size = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<long[]> offsets = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int b = 0; b < batches; b++) {
                    offsets.add(log.append(TestEvents.batch(prefix + b + "-", size)).offsets());
                }
            }));
        }
        start.countDown();
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(60));
        }
        int total = threads * batches * size;
        assertThat(log.endOffset()).isEqualTo(total);
        assertThat(offsets.stream().flatMapToLong(java.util.Arrays::stream).sorted().boxed().toList()).isEqualTo(range(0, total));
        for (long[] o : offsets) {
            assertThat(o[o.length - 1] - o[0]).as("a batch is contiguous").isEqualTo(o.length - 1);
        }
        List<LogRecord> all = log.read(0, total + 10);
        assertThat(all).hasSize(total);
        assertThat(TestEvents.ids(all)).doesNotHaveDuplicates();
    }

    protected static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }

    /** Polls {@code condition} (parking, not sleeping) until true; fails after 10 s. */
    protected static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
