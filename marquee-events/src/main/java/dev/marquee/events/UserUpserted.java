package dev.marquee.events;

/** A user signed up or changed their profile (JSON type {@code user}). */
public record UserUpserted(String eventId, long timestamp, UserProfile user) implements Event {
    public String type() {
        return "user";
    }
}
