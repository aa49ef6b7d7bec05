package dev.marquee.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentedFileLogRecoveryTest {
    private static final SegmentedLogConfig CONFIG = SegmentedLogConfig.DEFAULTS.withSegmentBytes(1024).withIndexIntervalBytes(64);

    @TempDir
    Path dir;

    @Test
    void open_truncatedTail_dropsTornRecordKeepsEarlierOnes() throws IOException {
        writeRecords(10);
        Path last = lastSegment();
        long size = Files.size(last);
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            ch.truncate(size - 3);
        }
        assertRecoveredRecords(9);
        assertThat(Files.size(last)).isLessThan(size - 3);
    }

    @Test
    void open_flippedByteInLastRecord_dropsItKeepsEarlierOnes() throws IOException {
        writeRecords(10);
        Path last = lastSegment();
        flipByte(last, Files.size(last) - 2);
        assertRecoveredRecords(9);
    }

    @Test
    void open_corruptLengthOfLastRecord_dropsIt() throws IOException {
        writeRecords(10);
        Path last = lastSegment();
        long size = Files.size(last);
        flipByte(last, size - ("record-9".length() + 8));
        assertRecoveredRecords(9);
    }

    @Test
    void open_zeroFilledTail_isTruncated() throws IOException {
        writeRecords(5);
        Path last = lastSegment();
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.allocate(4096));
        }
        assertRecoveredRecords(5);
    }

    @Test
    void open_corruptionBeforeLastSegment_isRefused() throws IOException {
        writeRecords(400);
        List<Path> segments = segments();
        assertThat(segments).hasSizeGreaterThan(2);
        flipByte(segments.getFirst(), 20);
        assertThatThrownBy(() -> SegmentedFileLog.open(dir, CONFIG, (o, p) -> { }))
                .isInstanceOf(EventLogException.class).hasMessageContaining("is not the last one");
    }

    @Test
    void appendAfterRecovery_continuesOffsets() throws IOException {
        writeRecords(10);
        flipByte(lastSegment(), Files.size(lastSegment()) - 1);
        try (SegmentedFileLog log = SegmentedFileLog.open(dir, CONFIG, (o, p) -> { })) {
            RecordBatch batch = log.newBatch();
            add(batch, "again");
            assertThat(log.append(batch)).isEqualTo(9);
        }
        assertThat(readAll()).containsExactly("record-0", "record-1", "record-2", "record-3", "record-4", "record-5",
                "record-6", "record-7", "record-8", "again");
    }

    @Test
    void cursor_readsAcrossSegmentsFromAnyOffset() throws IOException {
        writeRecords(300);
        try (SegmentedFileLog log = SegmentedFileLog.open(dir, CONFIG, (o, p) -> { })) {
            for (long from : new long[] {0, 63, 150, 299}) {
                List<String> got = new ArrayList<>();
                log.cursor(from).poll(5, (o, p) -> got.add(text(p)));
                assertThat(got.getFirst()).isEqualTo("record-" + from);
            }
        }
    }

    private void assertRecoveredRecords(int n) throws IOException {
        List<Long> visited = new ArrayList<>();
        try (SegmentedFileLog log = SegmentedFileLog.open(dir, CONFIG, (o, p) -> visited.add(o))) {
            assertThat(log.endOffset()).isEqualTo(n);
        }
        assertThat(visited).hasSize(n);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add("record-" + i);
        }
        assertThat(readAll()).containsExactlyElementsOf(expected);
    }

    private void writeRecords(int n) {
        try (SegmentedFileLog log = SegmentedFileLog.open(dir, CONFIG, (o, p) -> { })) {
            RecordBatch batch = log.newBatch();
            for (int i = 0; i < n; i++) {
                batch.clear();
                add(batch, "record-" + i);
                log.append(batch);
            }
        }
    }

    private List<String> readAll() {
        List<String> out = new ArrayList<>();
        try (SegmentedFileLog log = SegmentedFileLog.open(dir, CONFIG, (o, p) -> { })) {
            log.cursor(0).poll(Integer.MAX_VALUE, (o, p) -> out.add(text(p)));
        }
        return out;
    }

    private static void add(RecordBatch batch, String text) {
        batch.begin(64).put(text.getBytes(StandardCharsets.UTF_8));
        batch.commit();
    }

    private static String text(ByteBuffer p) {
        byte[] b = new byte[p.remaining()];
        p.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5A));
            ch.write(one.rewind(), position);
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
    }

    private Path lastSegment() throws IOException {
        return segments().getLast();
    }
}
