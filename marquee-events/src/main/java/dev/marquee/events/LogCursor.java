package dev.marquee.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * A sequential reader of a {@link SegmentedFileLog} from some offset on: replay and subscriptions keep
 * one cursor and call {@link #poll} repeatedly, so only the first read seeks (through the sparse
 * index); later ones continue where the last stopped, one positional read per buffer-full. Sees only
 * committed records. Not thread-safe: one cursor per reading thread.
 */
public final class LogCursor {
    private final SegmentedFileLog log;
    private final RecordWindow window = new RecordWindow(64 << 10);
    private Segment segment;
    private long position;
    private long next;

    LogCursor(SegmentedFileLog log, long fromOffset) {
        this.log = log;
        this.next = fromOffset;
    }

    /** The offset the next polled record will have. */
    public long nextOffset() {
        return next;
    }

    /** Visits up to {@code max} committed records from {@link #nextOffset()}; returns how many (0 at the end). */
    public int poll(int max, RecordVisitor visitor) {
        long end = log.endOffset();
        int n = 0;
        try {
            while (n < max && next < end) {
                if (segment == null || next >= segment.endOffset()) {
                    seek(next);
                }
                int i = record(position);
                ByteBuffer buf = window.buffer();
                int len = buf.getInt(i);
                buf.limit(i + RecordBatch.HEADER_BYTES + len).position(i + RecordBatch.HEADER_BYTES);
                try {
                    visitor.accept(next, buf);
                } finally {
                    buf.clear();
                }
                position += RecordBatch.HEADER_BYTES + len;
                next++;
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the log at offset " + next, e);
        }
        return n;
    }

    /** Buffer index of the whole record at file position {@code pos}. */
    private int record(long pos) throws IOException {
        long limit = segment.size();
        int i = window.window(segment, pos, RecordBatch.HEADER_BYTES, limit);
        int len = i < 0 ? -1 : window.buffer().getInt(i);
        if (len >= 1) {
            i = window.window(segment, pos, RecordBatch.HEADER_BYTES + len, limit);
        }
        if (i < 0 || len < 1) {
            throw new EventLogException("segment " + segment.path + " is inconsistent at byte " + pos);
        }
        return i;
    }

    private void seek(long target) throws IOException {
        segment = log.segmentFor(target);
        SparseIndex.Entry e = segment.index.floor(target);
        position = e.position();
        for (long o = e.offset(); o < target; o++) {
            int i = record(position);
            position += RecordBatch.HEADER_BYTES + window.buffer().getInt(i);
        }
    }
}
