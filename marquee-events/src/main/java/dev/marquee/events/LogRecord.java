package dev.marquee.events;

/**
 * An event as stored in the log.
 *
 * @param offset          position in the log, dense from 0
 * @param appendedAtMicros wall-clock time (epoch µs) when the append was acknowledged; freshness is measured from it
 * @param event           the event
 */
public record LogRecord(long offset, long appendedAtMicros, Event event) {
}
