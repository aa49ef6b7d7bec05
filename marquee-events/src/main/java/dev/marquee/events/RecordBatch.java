package dev.marquee.events;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Records framed for one {@link SegmentedFileLog#append}: each is {@code length:i32, crc32c:i32,
 * payload}, the CRC covering length and payload. A codec writes a payload straight into the batch's
 * buffer ({@link #begin}, then {@link #commit} or {@link #abort}), so appending allocates nothing per
 * record. Reusable after {@link #clear}; not thread-safe.
 */
public final class RecordBatch {
    static final int HEADER_BYTES = 8;

    private final int maxRecordBytes;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer buf;
    private int[] starts = new int[1024];
    private int count;
    private int recordStart = -1;

    RecordBatch(int initialBytes, int maxRecordBytes) {
        this.buf = ByteBuffer.allocate(initialBytes);
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Starts a record of at most {@code maxPayloadBytes}; returns the buffer to write it to, positioned at the payload. */
    public ByteBuffer begin(int maxPayloadBytes) {
        if (recordStart >= 0) {
            throw new IllegalStateException("previous record neither committed nor aborted");
        }
        long need = HEADER_BYTES + (long) maxPayloadBytes;
        if (buf.remaining() < need) {
            long grown = Math.max((long) buf.capacity() * 2, buf.position() + need);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("batch larger than 2 GiB");
            }
            buf = ByteBuffer.allocate((int) grown).put(buf.flip());
        }
        recordStart = buf.position();
        buf.position(recordStart + HEADER_BYTES);
        return buf;
    }

    /** Frames the payload written since {@link #begin}; throws IllegalArgumentException if it is empty or too large. */
    public void commit() {
        int len = buf.position() - recordStart - HEADER_BYTES;
        if (len < 1 || len > maxRecordBytes) {
            abort();
            throw new IllegalArgumentException("record payload must be 1.." + maxRecordBytes + " bytes, got " + len);
        }
        buf.putInt(recordStart, len);
        buf.putInt(recordStart + 4, crcOf(crc, buf.array(), recordStart, len));
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = recordStart;
        recordStart = -1;
    }

    /** Drops the record begun by {@link #begin}. */
    public void abort() {
        buf.position(recordStart);
        recordStart = -1;
    }

    /**
     * Removes the committed records whose index is flagged in {@code drop} (the first {@link #count()}
     * entries are read), compacting the rest in order. Framing is position-independent, so records
     * move as they are.
     */
    public void drop(boolean[] drop) {
        byte[] a = buf.array();
        int end = sizeBytes();
        int write = 0;
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int from = starts[k];
            int to = k + 1 < count ? starts[k + 1] : end;
            if (!drop[k]) {
                System.arraycopy(a, from, a, write, to - from);
                starts[kept++] = write;
                write += to - from;
            }
        }
        count = kept;
        buf.position(write);
    }

    /** Empties the batch for reuse. */
    public void clear() {
        buf.clear();
        count = 0;
        recordStart = -1;
    }

    public int count() {
        return count;
    }

    /** Framed bytes of the committed records. */
    public int sizeBytes() {
        return recordStart >= 0 ? recordStart : buf.position();
    }

    int startOf(int record) {
        return starts[record];
    }

    ByteBuffer framed() {
        return ByteBuffer.wrap(buf.array(), 0, sizeBytes());
    }

    /** CRC32C of a framed record's length field and payload, starting at {@code recordStart} of {@code a}. */
    static int crcOf(CRC32C crc, byte[] a, int recordStart, int len) {
        crc.reset();
        crc.update(a, recordStart, HEADER_BYTES / 2);
        crc.update(a, recordStart + HEADER_BYTES, len);
        return (int) crc.getValue();
    }
}
