package dev.marquee.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Recovery: reads a segment from its start, checking each record's length and CRC32C, rebuilding the
 * sparse index and handing every valid record to a visitor. It stops at the first record that is torn
 * (file ends inside it), zero-filled or fails its CRC; the caller decides whether that is a torn tail
 * to truncate (last segment) or corruption to refuse (any earlier segment).
 */
final class SegmentScanner {
    private final int maxRecordBytes;
    private final int indexIntervalBytes;
    private final RecordWindow window = new RecordWindow(1 << 20);
    private final CRC32C crc = new CRC32C();

    SegmentScanner(int maxRecordBytes, int indexIntervalBytes) {
        this.maxRecordBytes = maxRecordBytes;
        this.indexIntervalBytes = indexIntervalBytes;
    }

    /** Outcome: bytes and records of the valid prefix, and the file size (larger when a tail is bad). */
    record Result(long validBytes, long records, long fileSize) {
        boolean clean() {
            return validBytes == fileSize;
        }
    }

    Result scan(Segment seg, RecordVisitor visitor) throws IOException {
        long fileSize = seg.channel().size();
        long pos = 0;
        long records = 0;
        long lastIndexed = 0;
        seg.index.add(seg.baseOffset, 0);
        while (true) {
            int i = window.window(seg, pos, RecordBatch.HEADER_BYTES, fileSize);
            if (i < 0) {
                break;
            }
            ByteBuffer buf = window.buffer();
            int len = buf.getInt(i);
            if (len < 1 || len > maxRecordBytes) {
                break;
            }
            i = window.window(seg, pos, RecordBatch.HEADER_BYTES + len, fileSize);
            if (i < 0) {
                break;
            }
            buf = window.buffer();
            if (RecordBatch.crcOf(crc, buf.array(), i, len) != buf.getInt(i + 4)) {
                break;
            }
            if (pos - lastIndexed >= indexIntervalBytes) {
                seg.index.add(seg.baseOffset + records, pos);
                lastIndexed = pos;
            }
            buf.limit(i + RecordBatch.HEADER_BYTES + len).position(i + RecordBatch.HEADER_BYTES);
            visitor.accept(seg.baseOffset + records, buf);
            buf.clear();
            pos += RecordBatch.HEADER_BYTES + len;
            records++;
        }
        window.invalidate();
        return new Result(pos, records, fileSize);
    }
}
