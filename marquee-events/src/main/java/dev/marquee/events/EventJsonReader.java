package dev.marquee.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds typed events from parsed JSON objects, enforcing the one wire format: the {@code type}
 * discriminator, the exact set of fields each type allows (unknown fields are errors, not ignored) and
 * each field's JSON type. Value rules are left to {@link EventValidator}.
 */
final class EventJsonReader {
    private static final Set<String> INTERACTION = Set.of("eventId", "type", "timestamp", "userId", "videoId", "requestId");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "impression", plus(INTERACTION, "position"),
            "click", INTERACTION,
            "share", INTERACTION,
            "view", plus(INTERACTION, "watchSeconds"),
            "video", Set.of("eventId", "type", "timestamp", "videoId", "creatorId", "category", "title", "tags",
                    "durationSeconds", "uploadedAt", "language"),
            "user", Set.of("eventId", "type", "timestamp", "userId", "ageBand", "country", "device", "signupAt"),
            "user-deleted", Set.of("eventId", "type", "timestamp", "userId"));
    private static final String TYPES = "impression, click, view, share, video, user, user-deleted";

    private EventJsonReader() {
    }

    /** The event {@code node} describes, or null when it has errors (all of them recorded). */
    static Event read(JsonNode node, ValidationErrors errors) {
        if (!node.isObject()) {
            errors.add("", "an event must be a JSON object, got " + JsonFieldReader.describe(node));
            return null;
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || typeNode.isNull()) {
            errors.add("type", "missing required field (one of " + TYPES + ")");
            return null;
        }
        String type = typeNode.isTextual() ? typeNode.textValue() : null;
        Set<String> allowed = type == null ? null : FIELDS.get(type);
        if (allowed == null) {
            errors.add("type", "unknown event type " + JsonFieldReader.describe(typeNode) + " (expected one of " + TYPES + ")");
            return null;
        }
        int before = errors.total();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                errors.add(name, "unknown field for type '" + type + "' (allowed: " + new TreeSet<>(allowed) + ")");
            }
        }
        JsonFieldReader f = new JsonFieldReader(node, errors);
        String eventId = f.text("eventId");
        long ts = f.instant("timestamp");
        Event event = switch (type) {
            case "impression" -> new Impression(eventId, ts, f.text("userId"), f.text("videoId"), f.text("requestId"),
                    f.integer("position"));
            case "click" -> new Click(eventId, ts, f.text("userId"), f.text("videoId"), f.optionalText("requestId"));
            case "share" -> new Share(eventId, ts, f.text("userId"), f.text("videoId"), f.optionalText("requestId"));
            case "view" -> new View(eventId, ts, f.text("userId"), f.text("videoId"), f.optionalText("requestId"),
                    f.number("watchSeconds"));
            case "video" -> new VideoUpserted(eventId, ts, new Video(f.text("videoId"), f.text("creatorId"),
                    f.text("category"), f.text("title"), f.texts("tags"), f.integer("durationSeconds"),
                    f.instant("uploadedAt"), f.text("language")));
            case "user" -> new UserUpserted(eventId, ts, new UserProfile(f.text("userId"), f.text("ageBand"),
                    f.text("country"), f.text("device"), f.instant("signupAt")));
            default -> new UserDeleted(eventId, ts, f.text("userId"));
        };
        return errors.total() == before ? event : null;
    }

    private static Set<String> plus(Set<String> base, String extra) {
        TreeSet<String> s = new TreeSet<>(base);
        s.add(extra);
        return Set.copyOf(s);
    }
}
