package dev.marquee.events;

/** The user shared the video. */
public record Share(String eventId, long timestamp, String userId, String videoId, String requestId)
        implements Interaction {
    public String type() {
        return "share";
    }
}
