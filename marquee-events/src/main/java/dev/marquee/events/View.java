package dev.marquee.events;

/** The user watched the video for {@code watchSeconds}; more than 30 s counts as a long view. */
public record View(String eventId, long timestamp, String userId, String videoId, String requestId, double watchSeconds)
        implements Interaction {
    public static final double LONG_VIEW_SECONDS = 30.0;

    public boolean isLongView() {
        return watchSeconds > LONG_VIEW_SECONDS;
    }

    public String type() {
        return "view";
    }
}
