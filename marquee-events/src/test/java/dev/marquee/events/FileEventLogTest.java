package dev.marquee.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FileEventLogTest extends DurableEventLogContractTest {
    private static final FileEventLogConfig SMALL_SEGMENTS =
            FileEventLogConfig.DEFAULTS.withLog(SegmentedLogConfig.DEFAULTS.withSegmentBytes(4096).withIndexIntervalBytes(256));

    @Override
    protected EventLog newLog(Path dir) {
        return FileEventLog.open(dir, SMALL_SEGMENTS);
    }

    @Test
    void append_rollsSegments_andReadsAcrossThem() throws Exception {
        EventLog log = open();
        for (int b = 0; b < 20; b++) {
            log.append(TestEvents.batch("b" + b + "-", 50));
        }
        assertThat(segmentFiles()).hasSizeGreaterThan(5);
        for (long from : new long[] {0, 1, 333, 517, 999}) {
            List<LogRecord> part = log.read(from, 7);
            assertThat(part).extracting(LogRecord::offset).containsExactlyElementsOf(range(from, Math.min(from + 7, 1000)));
        }
        log = reopen(log);
        List<LogRecord> all = log.read(0, 2000);
        assertThat(all).hasSize(1000);
        assertThat(all.get(517).event().eventId()).isEqualTo("b10-17");
    }

    @Test
    void append_eventWithNullField_rejectsWholeBatch() {
        EventLog log = open();
        List<Event> batch = List.of(TestEvents.click("ok"), new Click("bad", TestEvents.T0, null, "v-1", null));
        assertThatThrownBy(() -> log.append(batch)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event 1").hasMessageContaining("userId");
        assertThat(log.endOffset()).isZero();
        assertThat(log.append(List.of(TestEvents.click("ok"))).offsets()).containsExactly(0);
    }

    @Test
    void dedupe_forgetsIdsOlderThanWindow() {
        FileEventLog log = FileEventLog.open(dir, SMALL_SEGMENTS.withDedupeWindow(Duration.ofHours(1)));
        try (log) {
            long hour = 3_600_000L;
            log.append(List.of(TestEvents.impression("old", TestEvents.T0)));
            log.append(List.of(TestEvents.impression("later", TestEvents.T0 + 3 * hour)));
            AppendResult r = log.append(List.of(TestEvents.impression("old", TestEvents.T0 + 3 * hour),
                    TestEvents.impression("later", TestEvents.T0 + 3 * hour)));
            assertThat(r.offsets()).containsExactly(2, -1);
        }
    }

    @Test
    void append_whenDiskFull_failsWithoutAcknowledgingAndLogStaysConsistent() throws Exception {
        EventLog log = open();
        log.append(TestEvents.batch("a", 100));
        long end = log.endOffset();
        Path next = dir.resolve(String.format("%020d.log", end));
        Files.createSymbolicLink(next, Path.of("/dev/full"));
        assertThatThrownBy(() -> log.append(TestEvents.batch("b", 10))).isInstanceOf(EventLogException.class)
                .hasMessageContaining("nothing appended");
        assertThat(log.endOffset()).isEqualTo(end);
        assertThat(log.read(0, 1000)).hasSize(100);
        log.close();
        Files.delete(next);
        EventLog reopened = open();
        assertThat(reopened.endOffset()).isEqualTo(end);
        assertThat(reopened.append(TestEvents.batch("b", 10)).offsets()[0]).isEqualTo(end);
        assertThat(TestEvents.ids(reopened.read(end, 1))).containsExactly("b0");
    }

    @Test
    void open_sameDirectoryTwice_fails() {
        open();
        assertThatThrownBy(this::open).isInstanceOf(EventLogException.class).hasMessageContaining("already open");
    }

    @Test
    void intervalFsync_appendsAndRecovers() {
        FileEventLogConfig interval = SMALL_SEGMENTS.withLog(SMALL_SEGMENTS.log().withFsyncInterval(Duration.ofMillis(5)));
        try (FileEventLog log = FileEventLog.open(dir, interval)) {
            for (int b = 0; b < 5; b++) {
                log.append(TestEvents.batch("b" + b + "-", 40));
            }
        }
        try (FileEventLog log = FileEventLog.open(dir, interval)) {
            assertThat(log.endOffset()).isEqualTo(200);
            assertThat(log.append(TestEvents.batch("b4-", 40)).duplicates()).isEqualTo(40);
        }
    }

    @Test
    void read_concurrentWithAppends_seesOnlyWholeRecords() throws Exception {
        EventLog log = open();
        List<Throwable> failures = new ArrayList<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int b = 0; b < 100; b++) {
                log.append(TestEvents.batch("w" + b + "-", 20));
            }
        });
        long read = 0;
        while (read < 2000) {
            for (LogRecord r : log.read(read, 64)) {
                if (r.offset() != read) {
                    failures.add(new AssertionError("offset " + r.offset() + " != " + read));
                }
                read++;
            }
            if (writer.isAlive() || read < log.endOffset()) {
                continue;
            }
            break;
        }
        writer.join();
        assertThat(failures).isEmpty();
        assertThat(read).isEqualTo(2000);
    }

    @Test
    void interruptedAppenderOrReader_doesNotBreakTheLogForOthers() throws Exception {
        EventLog log = open();
        log.append(TestEvents.batch("a", 10));
        List<Throwable> seen = new ArrayList<>();
        Thread t = Thread.ofPlatform().unstarted(() -> {
            Thread.currentThread().interrupt();
            try {
                log.append(TestEvents.batch("x", 5));
            } catch (EventLogException e) {
                seen.add(e);
            }
            try {
                log.read(0, 10);
            } catch (EventLogException e) {
                seen.add(e);
            }
        });
        t.start();
        t.join();
        assertThat(seen).hasSize(2);
        assertThat(log.append(TestEvents.batch("b", 5)).offsets()).containsExactly(10, 11, 12, 13, 14);
        assertThat(TestEvents.ids(log.read(8, 4))).containsExactly("a8", "a9", "b0", "b1");
    }

    private List<Path> segmentFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".log")).toList();
        }
    }
}
