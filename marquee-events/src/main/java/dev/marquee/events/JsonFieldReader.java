package dev.marquee.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed, strict access to one JSON object's fields: a missing required field or a value of the wrong
 * JSON type is recorded as an error (and a placeholder returned) instead of being coerced.
 */
final class JsonFieldReader {
    private final JsonNode node;
    private final ValidationErrors errors;

    JsonFieldReader(JsonNode node, ValidationErrors errors) {
        this.node = node;
        this.errors = errors;
    }

    /** A required string, or null after recording an error. */
    String text(String field) {
        JsonNode v = present(field);
        return v == null ? null : textValue(field, v);
    }

    /** An optional string: absent or JSON null gives null. */
    String optionalText(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : textValue(field, v);
    }

    /** A required int, or 0 after recording an error. */
    int integer(String field) {
        JsonNode v = present(field);
        if (v == null) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            errors.add(field, "must be a 32-bit integer, got " + describe(v));
            return 0;
        }
        return v.intValue();
    }

    /** A required number, or 0 after recording an error. */
    double number(String field) {
        JsonNode v = present(field);
        if (v == null) {
            return 0;
        }
        if (!v.isNumber()) {
            errors.add(field, "must be a number, got " + describe(v));
            return 0;
        }
        return v.doubleValue();
    }

    /** A required ISO-8601 UTC instant as epoch millis, or 0 after recording an error. */
    long instant(String field) {
        String s = text(field);
        if (s == null) {
            return 0;
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            errors.add(field, "must be an ISO-8601 UTC timestamp like 2025-01-31T12:00:00Z, got '" + clip(s) + "'");
            return 0;
        }
    }

    /** A required array of strings, or an empty list after recording an error. */
    List<String> texts(String field) {
        JsonNode v = present(field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            errors.add(field, "must be an array of strings, got " + describe(v));
            return List.of();
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (item.isTextual()) {
                out.add(item.textValue());
            } else {
                errors.add(field, "element " + i + " must be a string, got " + describe(item));
            }
        }
        return out;
    }

    private JsonNode present(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            errors.add(field, "missing required field");
            return null;
        }
        if (v.isNull()) {
            errors.add(field, "must not be null");
            return null;
        }
        return v;
    }

    private String textValue(String field, JsonNode v) {
        if (!v.isTextual()) {
            errors.add(field, "must be a string, got " + describe(v));
            return null;
        }
        return v.textValue();
    }

    static String describe(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "string '" + clip(v.textValue()) + "'";
            case NUMBER -> "number " + v.asText();
            case BOOLEAN -> "boolean " + v.asText();
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase();
        };
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
