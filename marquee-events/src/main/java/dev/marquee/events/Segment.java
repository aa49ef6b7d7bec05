package dev.marquee.events;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file of a {@link SegmentedFileLog}, named by its base offset. Holds the committed
 * size and record count (what readers may see) and the sparse index. Its channel can be reopened:
 * an interrupted thread's I/O closes a {@link FileChannel}, which must not break the log for others.
 */
final class Segment {
    final long baseOffset;
    final Path path;
    final SparseIndex index = new SparseIndex();
    private volatile FileChannel channel;
    private volatile long size;
    private volatile long count;
    private volatile boolean closed;

    private Segment(long baseOffset, Path path, FileChannel channel) {
        this.baseOffset = baseOffset;
        this.path = path;
        this.channel = channel;
    }

    static Segment open(Path dir, long baseOffset) throws IOException {
        Path path = dir.resolve(fileName(baseOffset));
        return new Segment(baseOffset, path, openChannel(path));
    }

    static String fileName(long baseOffset) {
        return String.format("%020d.log", baseOffset);
    }

    private static FileChannel openChannel(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    FileChannel channel() {
        return channel;
    }

    /** Replaces {@code failed} by a fresh channel, unless another thread did already or the segment is closed. */
    synchronized FileChannel reopen(FileChannel failed) throws IOException {
        if (closed) {
            throw new EventLogException("log is closed");
        }
        if (channel == failed && !failed.isOpen()) {
            channel = openChannel(path);
        }
        return channel;
    }

    long size() {
        return size;
    }

    long count() {
        return count;
    }

    /** One past the last committed offset. */
    long endOffset() {
        return baseOffset + count;
    }

    /** Publishes records up to {@code newSize} bytes / {@code newCount} records to readers. */
    void commit(long newSize, long newCount) {
        size = newSize;
        count = newCount;
    }

    synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }

    boolean isClosed() {
        return closed;
    }
}
