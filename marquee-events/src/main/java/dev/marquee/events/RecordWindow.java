package dev.marquee.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;

/**
 * A buffered view of a range of a segment file, for sequential record reads: {@link #window} makes
 * sure bytes [pos, pos+n) are in the heap buffer, refilling it with one positional read when they are
 * not, and never buffering past the limit the caller knows to be final (the committed size).
 */
final class RecordWindow {
    private ByteBuffer buf;
    private Segment segment;
    private long start;
    private int length;

    RecordWindow(int initialBytes) {
        buf = ByteBuffer.allocate(initialBytes);
    }

    ByteBuffer buffer() {
        return buf;
    }

    /**
     * Index in {@link #buffer()} of file position {@code pos} with at least {@code n} bytes after it, or
     * -1 when the file (up to {@code limit}) ends first.
     */
    int window(Segment seg, long pos, int n, long limit) throws IOException {
        if (seg == segment && pos >= start && pos + n <= start + length) {
            return (int) (pos - start);
        }
        if (pos + n > limit) {
            return -1;
        }
        if (n > buf.capacity()) {
            buf = ByteBuffer.allocate(Math.max(n, buf.capacity() * 2));
        }
        segment = seg;
        start = pos;
        length = 0;
        int want = (int) Math.min(buf.capacity(), limit - pos);
        buf.clear().limit(want);
        while (buf.hasRemaining()) {
            int r = read(seg, buf, pos + buf.position());
            if (r < 0) {
                break;
            }
        }
        length = buf.position();
        return length >= n ? 0 : -1;
    }

    private static int read(Segment seg, ByteBuffer dst, long pos) throws IOException {
        for (int attempt = 0; ; attempt++) {
            FileChannel ch = seg.channel();
            try {
                return ch.read(dst, pos);
            } catch (ClosedChannelException e) {
                if (seg.isClosed()) {
                    throw new EventLogException("log is closed", e);
                }
                seg.reopen(ch);
                if (Thread.currentThread().isInterrupted() || attempt >= 2) {
                    throw new EventLogException("read of " + seg.path + " interrupted", e);
                }
            }
        }
    }

    /** Forgets buffered bytes (after the file was truncated). */
    void invalidate() {
        segment = null;
        length = 0;
    }
}
