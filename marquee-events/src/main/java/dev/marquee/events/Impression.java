package dev.marquee.events;

/** The video was shown to the user at {@code position} (0-based) of feed {@code requestId}. */
public record Impression(String eventId, long timestamp, String userId, String videoId, String requestId, int position)
        implements Interaction {
    public String type() {
        return "impression";
    }
}
