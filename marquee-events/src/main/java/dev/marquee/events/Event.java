package dev.marquee.events;

/**
 * Everything that happens on the platform, as the event log records it. The log is the source of
 * truth: feature stores, indexes and training sets are all rebuilt from these records.
 * Every event has a client-chosen {@code eventId} (idempotent dedupe) and an event time in epoch ms.
 */
public sealed interface Event permits Interaction, VideoUpserted, UserUpserted, UserDeleted {
    String eventId();

    long timestamp();

    /** The JSON {@code type} discriminator. */
    String type();
}
