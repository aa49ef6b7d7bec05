package dev.marquee.events;

/** A video was created or its metadata changed (JSON type {@code video}). */
public record VideoUpserted(String eventId, long timestamp, Video video) implements Event {
    public String type() {
        return "video";
    }
}
