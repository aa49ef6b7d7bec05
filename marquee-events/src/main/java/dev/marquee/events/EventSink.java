package dev.marquee.events;

import java.util.List;

/**
 * The write side of an event log: what producers (the API, importers, the history generator) need.
 * Separate from {@link EventLog} so a producer can also feed a sink that keeps nothing (measurements).
 */
@FunctionalInterface
public interface EventSink {
    /** Appends the batch; returns once it is durable (for a durable log) with per-event offsets. */
    AppendResult append(List<? extends Event> batch);
}
