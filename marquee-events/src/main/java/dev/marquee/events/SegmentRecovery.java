package dev.marquee.events;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens every segment of a log directory and scans it ({@link SegmentScanner}): the last segment's
 * torn or corrupt tail is truncated (those records were never acknowledged: each batch is fsynced
 * before {@code append} returns, and a segment is fsynced before the next one is created); a bad
 * record in any earlier segment, or a gap between segments, is refused rather than silently
 * dropping acknowledged records after it.
 */
final class SegmentRecovery {
    private SegmentRecovery() {
    }

    /** The recovered segments, committed and indexed; every valid record was passed to {@code visitor}. */
    static Segment[] recover(Path dir, SegmentedLogConfig config, RecordVisitor visitor) throws IOException {
        long[] bases = LogDirectory.segmentBases(dir);
        if (bases.length == 0) {
            bases = new long[] {0};
        }
        SegmentScanner scanner = new SegmentScanner(config.maxRecordBytes(), config.indexIntervalBytes());
        Segment[] segs = new Segment[bases.length];
        try {
            for (int s = 0; s < bases.length; s++) {
                segs[s] = Segment.open(dir, bases[s]);
                recover(segs[s], s == 0 ? bases[0] : segs[s - 1].endOffset(), s == bases.length - 1, scanner, visitor);
            }
            return segs;
        } catch (IOException | RuntimeException e) {
            for (Segment seg : segs) {
                if (seg != null) {
                    seg.close();
                }
            }
            throw e;
        }
    }

    private static void recover(Segment seg, long expectedBase, boolean last, SegmentScanner scanner, RecordVisitor visitor)
            throws IOException {
        if (seg.baseOffset != expectedBase) {
            throw new EventLogException("segment " + seg.path + " starts at offset " + seg.baseOffset
                    + " but the previous one ends at " + expectedBase);
        }
        SegmentScanner.Result r = scanner.scan(seg, visitor);
        if (!r.clean() && !last) {
            throw new EventLogException("segment " + seg.path + " is corrupt at byte " + r.validBytes() + " (offset "
                    + (seg.baseOffset + r.records()) + ") and is not the last one: refusing to drop acknowledged records after it");
        }
        if (!r.clean()) {
            seg.channel().truncate(r.validBytes());
            seg.channel().force(true);
        }
        seg.commit(r.validBytes(), r.records());
    }
}
