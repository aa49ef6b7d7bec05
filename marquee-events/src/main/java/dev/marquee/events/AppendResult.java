package dev.marquee.events;

/**
 * Outcome of a durable append.
 *
 * @param offsets    per input event, its offset, or -1 when it was a duplicate (already in the log)
 * @param accepted   events newly appended
 * @param duplicates events acknowledged but not appended again (same eventId within the dedupe window)
 */
public record AppendResult(long[] offsets, int accepted, int duplicates) {
}
