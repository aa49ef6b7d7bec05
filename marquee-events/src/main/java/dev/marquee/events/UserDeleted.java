package dev.marquee.events;

/**
 * Tombstone: the user asked to be forgotten. Stores drop the user's state, and replay and training skip
 * the user's earlier events from then on (JSON type {@code user-deleted}; written by the API, not clients).
 */
public record UserDeleted(String eventId, long timestamp, String userId) implements Event {
    public String type() {
        return "user-deleted";
    }
}
