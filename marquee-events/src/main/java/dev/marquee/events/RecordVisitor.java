package dev.marquee.events;

import java.nio.ByteBuffer;

/** Receives records read from a {@link SegmentedFileLog}. */
@FunctionalInterface
public interface RecordVisitor {
    /**
     * One record. {@code payload} is a heap buffer whose position..limit is the record's payload; it is
     * only valid during the call (the reader reuses it) and may be read freely, relatively or absolutely.
     */
    void accept(long offset, ByteBuffer payload);
}
