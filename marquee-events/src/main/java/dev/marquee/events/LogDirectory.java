package dev.marquee.events;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** File-system chores of a {@link SegmentedFileLog} directory: exclusive lock, segment listing, fsync of entries. */
final class LogDirectory {
    private static final String SEGMENT_NAME = "\\d{20}\\.log";

    private LogDirectory() {
    }

    /** Creates {@code dir} if needed and locks it for this process; two writers on one log would corrupt it. */
    static FileLock lock(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new EventLogException("log directory " + dir + " is already open (by this or another process)");
        }
        return lock;
    }

    /** Base offsets of the segment files, ascending. */
    static long[] segmentBases(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches(SEGMENT_NAME))
                    .mapToLong(n -> Long.parseLong(n.substring(0, 20))).sorted().toArray();
        }
    }

    /** Makes a newly created entry of {@code dir} durable. */
    static void fsync(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
