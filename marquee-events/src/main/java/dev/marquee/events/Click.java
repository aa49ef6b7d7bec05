package dev.marquee.events;

/** The user opened the video. */
public record Click(String eventId, long timestamp, String userId, String videoId, String requestId)
        implements Interaction {
    public String type() {
        return "click";
    }
}
