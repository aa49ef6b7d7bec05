package dev.marquee.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.core.Clock;
import dev.marquee.events.BatchValidationException;
import dev.marquee.events.Event;
import dev.marquee.events.EventJson;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns the body of {@code PUT /v1/videos/{id}} or {@code PUT /v1/users/{id}} into the matching upsert
 * event, validated by the same strict parser as {@code POST /v1/events} (one format, one set of rules).
 */
final class UpsertEvents {
    private final EventJson json;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    UpsertEvents(EventJson json, ObjectMapper mapper, Clock clock) {
        this.json = json;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** @param type {@code video} or {@code user}; {@code idField} the body's id field, filled from the path. */
    Event fromBody(String type, String idField, String id, String body) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        ObjectNode obj = (ObjectNode) node;
        JsonNode bodyId = obj.get(idField);
        if (bodyId != null && !bodyId.asText().equals(id)) {
            throw ApiException.badRequest(idField + " in the body (" + bodyId.asText() + ") differs from the path (" + id + ")");
        }
        for (String reserved : List.of("type", "eventId", "timestamp")) {
            if (obj.has(reserved)) {
                throw ApiException.badRequest("field '" + reserved + "' is set by the server for " + type + " upserts");
            }
        }
        long now = clock.millis();
        obj.put("type", type);
        obj.put("eventId", "api-" + type + "-" + id + "-" + now + "-" + sequence.incrementAndGet());
        obj.put("timestamp", Instant.ofEpochMilli(now).toString());
        obj.put(idField, id);
        try {
            return json.parseArray("[" + mapper.writeValueAsString(obj) + "]").getFirst();
        } catch (BatchValidationException e) {
            throw EventsHandler.invalid(e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
