package dev.marquee.events;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A durable, append-only log of opaque byte records with dense offsets from 0, reusable by any stream
 * with its own codec (events, served impressions). Design after Kafka's log: segment files named by
 * base offset, records framed as {@code length, crc32c, payload} ({@link RecordBatch}), a batch written
 * with one positional write and made durable with one fdatasync (or by a background fsync, see
 * {@link SegmentedLogConfig}); a sparse in-memory index per segment, rebuilt by the recovery scan on
 * open, which also truncates a torn tail of the last segment and refuses corruption anywhere else.
 * A failed append is rolled back (the segment truncated to its old size) so nothing of it is ever
 * read; if even that fails the log refuses appends until reopened. One writer at a time (a lock);
 * readers ({@link LogCursor}) never block the writer.
 */
public final class SegmentedFileLog implements AutoCloseable {
    private final Path dir;
    private final SegmentedLogConfig config;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final FileLock dirLock;
    private final ScheduledExecutorService flusher;
    private volatile Segment[] segments;
    private volatile long endOffset;
    private volatile boolean closed;
    private volatile Throwable poisoned;

    private SegmentedFileLog(Path dir, SegmentedLogConfig config, FileLock dirLock, Segment[] segments) {
        this.dir = dir;
        this.config = config;
        this.dirLock = dirLock;
        this.segments = segments;
        this.endOffset = segments[segments.length - 1].endOffset();
        if (config.fsyncPerBatch()) {
            this.flusher = null;
        } else {
            this.flusher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("segmented-log-fsync").unstarted(r));
            long ms = Math.max(1, config.fsyncInterval().toMillis());
            flusher.scheduleWithFixedDelay(this::flush, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Opens (creating if needed) the log in {@code dir}, recovering it ({@link SegmentRecovery}): every
     * valid record is passed to {@code recovered} in offset order, to rebuild derived state.
     */
    public static SegmentedFileLog open(Path dir, SegmentedLogConfig config, RecordVisitor recovered) {
        FileLock lock = null;
        try {
            lock = LogDirectory.lock(dir);
            return new SegmentedFileLog(dir, config, lock, SegmentRecovery.recover(dir, config, recovered));
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                closeQuietly(lock.channel());
            }
            throw e instanceof EventLogException ele ? ele : new EventLogException("cannot open log in " + dir + ": " + e, e);
        }
    }

    /** A reusable batch sized for this log's record limit. */
    public RecordBatch newBatch() {
        return new RecordBatch(256 << 10, config.maxRecordBytes());
    }

    /**
     * Appends the batch's records in order and returns the offset of the first. Returns once they are
     * durable under the fsync policy; throws {@link EventLogException} (with nothing appended) on I/O failure.
     */
    public long append(RecordBatch batch) {
        writeLock.lock();
        try {
            checkWritable();
            long first = endOffset;
            if (batch.count() == 0) {
                return first;
            }
            Segment seg = segments[segments.length - 1];
            if (seg.size() >= config.segmentBytes() && seg.count() > 0) {
                seg = roll(seg);
            }
            long start = seg.size();
            SegmentWriter.write(seg, batch.framed(), start, config.fsyncPerBatch(), this::poison);
            SegmentWriter.index(seg, batch, start, first, config.indexIntervalBytes());
            seg.commit(start + batch.sizeBytes(), seg.count() + batch.count());
            endOffset = first + batch.count();
            return first;
        } finally {
            writeLock.unlock();
        }
    }

    private Segment roll(Segment full) {
        try {
            full.channel().force(false);
            Segment next = Segment.open(dir, endOffset);
            next.index.add(endOffset, 0);
            LogDirectory.fsync(dir);
            Segment[] grown = Arrays.copyOf(segments, segments.length + 1);
            grown[grown.length - 1] = next;
            segments = grown;
            return next;
        } catch (IOException e) {
            throw new EventLogException("cannot roll to a new segment in " + dir + ": " + e, e);
        }
    }

    private void checkWritable() {
        if (closed) {
            throw new EventLogException("log is closed");
        }
        if (poisoned != null) {
            throw new EventLogException("log refuses appends after an unrecoverable I/O failure; reopen it", poisoned);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new EventLogException("append interrupted; nothing appended");
        }
    }

    private void poison(Throwable cause) {
        poisoned = cause;
    }

    private void flush() {
        try {
            Segment[] segs = segments;
            segs[segs.length - 1].channel().force(false);
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                poison(e);
            }
        }
    }

    /** Offset the next appended record will get. */
    public long endOffset() {
        return endOffset;
    }

    /** A reader positioned at {@code fromOffset} (which may be at or past the end: it waits there). */
    public LogCursor cursor(long fromOffset) {
        if (fromOffset < 0) {
            throw new IllegalArgumentException("fromOffset must be >= 0, got " + fromOffset);
        }
        return new LogCursor(this, fromOffset);
    }

    Segment segmentFor(long offset) {
        if (closed) {
            throw new EventLogException("log is closed");
        }
        Segment[] segs = segments;
        int lo = 0;
        int hi = segs.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segs[mid].baseOffset <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return segs[lo];
    }

    /** Flushes and closes the files; appends and reads fail afterwards. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (flusher != null) {
                flusher.shutdown();
                flusher.awaitTermination(10, TimeUnit.SECONDS);
                Segment[] segs = segments;
                segs[segs.length - 1].channel().force(false);
            }
        } catch (IOException e) {
            throw new EventLogException("final fsync of " + dir + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeSegments();
            writeLock.unlock();
        }
    }

    private void closeSegments() {
        closed = true;
        for (Segment s : segments) {
            try {
                s.close();
            } catch (IOException ignored) {
                // read-only by now: every acknowledged byte was forced before
            }
        }
        closeQuietly(dirLock.channel());
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException ignored) {
            // best effort: the lock dies with the process anyway
        }
    }
}
