package dev.marquee.events;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;

/** Writes events in the one wire format, fields in the documented order, timestamps as ISO-8601 UTC. */
final class EventJsonWriter {
    private EventJsonWriter() {
    }

    static void write(Event event, JsonGenerator g) throws IOException {
        g.writeStartObject();
        switch (event) {
            case Interaction e -> {
                g.writeStringField("eventId", e.eventId());
                g.writeStringField("type", e.type());
                g.writeStringField("userId", e.userId());
                g.writeStringField("videoId", e.videoId());
                if (e.requestId() != null) {
                    g.writeStringField("requestId", e.requestId());
                }
                if (e instanceof Impression i) {
                    g.writeNumberField("position", i.position());
                } else if (e instanceof View v) {
                    g.writeNumberField("watchSeconds", v.watchSeconds());
                }
                time(g, "timestamp", e.timestamp());
            }
            case VideoUpserted e -> {
                header(g, e);
                Video v = e.video();
                g.writeStringField("videoId", v.videoId());
                g.writeStringField("creatorId", v.creatorId());
                g.writeStringField("category", v.category());
                g.writeStringField("title", v.title());
                g.writeArrayFieldStart("tags");
                for (String tag : v.tags()) {
                    g.writeString(tag);
                }
                g.writeEndArray();
                g.writeNumberField("durationSeconds", v.durationSeconds());
                time(g, "uploadedAt", v.uploadedAt());
                g.writeStringField("language", v.language());
            }
            case UserUpserted e -> {
                header(g, e);
                UserProfile u = e.user();
                g.writeStringField("userId", u.userId());
                g.writeStringField("ageBand", u.ageBand());
                g.writeStringField("country", u.country());
                g.writeStringField("device", u.device());
                time(g, "signupAt", u.signupAt());
            }
            case UserDeleted e -> {
                header(g, e);
                g.writeStringField("userId", e.userId());
            }
        }
        g.writeEndObject();
    }

    private static void header(JsonGenerator g, Event e) throws IOException {
        g.writeStringField("type", e.type());
        g.writeStringField("eventId", e.eventId());
        time(g, "timestamp", e.timestamp());
    }

    private static void time(JsonGenerator g, String field, long millis) throws IOException {
        g.writeStringField(field, Instant.ofEpochMilli(millis).toString());
    }
}
