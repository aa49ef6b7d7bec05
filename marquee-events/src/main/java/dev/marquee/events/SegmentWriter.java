package dev.marquee.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;

/**
 * The write step of an append: one positional write of the framed batch, an fdatasync when the policy
 * asks, and on failure a rollback that truncates the segment to its size before the batch, so a failed
 * (unacknowledged) batch can never be read later, even partly. After a failed fsync the page cache
 * can no longer be trusted, so the log is also poisoned (refuses appends until reopened). Interrupts are parked during the
 * rollback, since an interrupted thread's channel I/O would fail at once.
 */
final class SegmentWriter {
    private SegmentWriter() {
    }

    static void write(Segment seg, ByteBuffer data, long position, boolean fsync, Consumer<Throwable> poison) {
        boolean written = false;
        try {
            FileChannel ch = seg.channel();
            long p = position;
            while (data.hasRemaining()) {
                p += ch.write(data, p);
            }
            written = true;
            if (fsync) {
                ch.force(false);
            }
        } catch (IOException | RuntimeException e) {
            rollback(seg, position, e, poison);
            if (!written) {
                throw new EventLogException("append to " + seg.path + " failed, nothing appended: " + e, e);
            }
            poison.accept(e);
            throw new EventLogException("fsync of " + seg.path + " failed; batch not acknowledged and the log refuses "
                    + "appends until reopened: " + e, e);
        }
    }

    private static void rollback(Segment seg, long size, Exception cause, Consumer<Throwable> poison) {
        boolean interrupted = Thread.interrupted();
        try {
            FileChannel ch = seg.channel();
            if (!ch.isOpen()) {
                ch = seg.reopen(ch);
            }
            if (ch.size() > size) {
                ch.truncate(size);
                ch.force(false);
            }
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
            poison.accept(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Adds sparse index entries for the batch just written at {@code start}, one per {@code interval} bytes. */
    static void index(Segment seg, RecordBatch batch, long start, long firstOffset, int interval) {
        long lastIndexed = seg.index.lastPosition();
        for (int k = 0; k < batch.count(); k++) {
            long p = start + batch.startOf(k);
            if (p - lastIndexed >= interval) {
                seg.index.add(firstOffset + k, p);
                lastIndexed = p;
            }
        }
    }
}
