package dev.marquee.events;

import dev.marquee.core.Clock;
import java.util.List;

/**
 * The semantic rules every event must pass before it may be appended, whatever its source (HTTP, file
 * import, simulator). Structure (missing, unknown or mistyped JSON fields) is checked by {@link EventJson};
 * this class checks values: id lengths, ranges, string limits and the future-timestamp rule against
 * an injected clock, so tests control "now".
 */
public final class EventValidator {
    public static final int MAX_ID_CHARS = 128;
    public static final int MAX_LABEL_CHARS = 64;
    public static final int MAX_TITLE_CHARS = 500;
    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_CHARS = 64;
    public static final int MAX_POSITION = 10_000;
    public static final double MAX_WATCH_SECONDS = 24 * 3600;
    public static final int MAX_DURATION_SECONDS = 24 * 3600;
    public static final long MAX_FUTURE_MILLIS = 5 * 60_000L;

    private final Clock clock;

    public EventValidator(Clock clock) {
        this.clock = clock;
    }

    /** Checks a typed batch; throws {@link BatchValidationException} naming every bad event and field. */
    public void validate(List<? extends Event> batch) {
        ValidationErrors errors = new ValidationErrors();
        long now = clock.millis();
        for (int i = 0; i < batch.size(); i++) {
            errors.atEvent(i);
            check(batch.get(i), now, errors);
        }
        errors.throwIfAny();
    }

    long nowMillis() {
        return clock.millis();
    }

    void check(Event event, long now, ValidationErrors errors) {
        if (event == null) {
            errors.add("", "event is null");
            return;
        }
        id("eventId", event.eventId(), true, errors);
        time("timestamp", event.timestamp(), now, errors);
        switch (event) {
            case Impression e -> {
                interaction(e, errors);
                id("requestId", e.requestId(), true, errors);
                if (e.position() < 0 || e.position() > MAX_POSITION) {
                    errors.add("position", "must be between 0 and " + MAX_POSITION + ", got " + e.position());
                }
            }
            case Click e -> interaction(e, errors);
            case Share e -> interaction(e, errors);
            case View e -> {
                interaction(e, errors);
                double w = e.watchSeconds();
                if (!(w >= 0 && w <= MAX_WATCH_SECONDS)) {
                    errors.add("watchSeconds", "must be between 0 and " + (long) MAX_WATCH_SECONDS + " (24 h), got " + w);
                }
            }
            case VideoUpserted e -> video(e.video(), now, errors);
            case UserUpserted e -> user(e.user(), now, errors);
            case UserDeleted e -> id("userId", e.userId(), true, errors);
        }
    }

    private static void interaction(Interaction e, ValidationErrors errors) {
        id("userId", e.userId(), true, errors);
        id("videoId", e.videoId(), true, errors);
        id("requestId", e.requestId(), false, errors);
    }

    private static void video(Video v, long now, ValidationErrors errors) {
        if (v == null) {
            errors.add("", "video metadata is null");
            return;
        }
        id("videoId", v.videoId(), true, errors);
        id("creatorId", v.creatorId(), true, errors);
        text("category", v.category(), MAX_LABEL_CHARS, errors);
        text("title", v.title(), MAX_TITLE_CHARS, errors);
        text("language", v.language(), MAX_LABEL_CHARS, errors);
        if (v.tags().size() > MAX_TAGS) {
            errors.add("tags", "at most " + MAX_TAGS + " tags allowed, got " + v.tags().size());
        }
        for (int i = 0; i < v.tags().size(); i++) {
            text("tags", "tag " + i, v.tags().get(i), MAX_TAG_CHARS, errors);
        }
        if (v.durationSeconds() <= 0 || v.durationSeconds() > MAX_DURATION_SECONDS) {
            errors.add("durationSeconds", "must be between 1 and " + MAX_DURATION_SECONDS + " (24 h), got " + v.durationSeconds());
        }
        time("uploadedAt", v.uploadedAt(), now, errors);
    }

    private static void user(UserProfile u, long now, ValidationErrors errors) {
        if (u == null) {
            errors.add("", "user profile is null");
            return;
        }
        id("userId", u.userId(), true, errors);
        text("ageBand", u.ageBand(), MAX_LABEL_CHARS, errors);
        text("country", u.country(), MAX_LABEL_CHARS, errors);
        text("device", u.device(), MAX_LABEL_CHARS, errors);
        time("signupAt", u.signupAt(), now, errors);
    }

    private static void id(String field, String value, boolean required, ValidationErrors errors) {
        if (value == null) {
            if (required) {
                errors.add(field, "is required");
            }
        } else if (value.isEmpty()) {
            errors.add(field, "must not be empty");
        } else if (value.length() > MAX_ID_CHARS) {
            errors.add(field, "must be at most " + MAX_ID_CHARS + " characters, got " + value.length());
        } else if (isDotSegment(value)) {
            errors.add(field, "must not be '" + value + "': a dot segment cannot be named in a URL path");
        }
    }

    /** True for "." and "..", which URL path normalisation removes, so no {@code /v1/...} path can name them. */
    public static boolean isDotSegment(String id) {
        return id.equals(".") || id.equals("..");
    }

    private static void text(String field, String value, int max, ValidationErrors errors) {
        text(field, "value", value, max, errors);
    }

    private static void text(String field, String what, String value, int max, ValidationErrors errors) {
        if (value == null) {
            errors.add(field, what + " is required");
        } else if (value.isBlank()) {
            errors.add(field, what + " must not be blank");
        } else if (value.length() > max) {
            errors.add(field, what + " must be at most " + max + " characters, got " + value.length());
        }
    }

    private static void time(String field, long millis, long now, ValidationErrors errors) {
        if (millis < 0) {
            errors.add(field, "must not be before 1970-01-01T00:00:00Z");
        } else if (millis > now + MAX_FUTURE_MILLIS) {
            errors.add(field, "is more than 5 minutes in the future (" + java.time.Instant.ofEpochMilli(millis)
                    + " > now " + java.time.Instant.ofEpochMilli(now) + ")");
        }
    }
}
