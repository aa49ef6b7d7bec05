package dev.marquee.features;

/** The result of a segment read with fallback: the segment that was finally used and its list. */
public record SegmentTopN(SegmentKey segment, TopN top) {
}
