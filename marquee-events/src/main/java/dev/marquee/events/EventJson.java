package dev.marquee.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON format of Marquee events, shared by the HTTP API (a JSON array body) and files (JSON
 * Lines, one event per line). Parsing is all-or-nothing: every structural and value error of the batch
 * is collected (see {@link EventValidator}) and thrown as one {@link BatchValidationException}, so a bad
 * batch is never partly appended. Thread-safe. Example lines (timestamps ISO-8601 UTC; {@code requestId}
 * optional except for impressions; unknown fields are errors):
 * <pre>{@code
 * {"eventId":"e1","type":"impression","userId":"u1","videoId":"v1","requestId":"r1","position":0,"timestamp":"2025-06-15T12:00:00Z"}
 * {"eventId":"e2","type":"view","userId":"u1","videoId":"v1","watchSeconds":42.5,"timestamp":"2025-06-15T12:00:09Z"}
 * {"type":"video","eventId":"e3","timestamp":"2025-06-15T11:00:00Z","videoId":"v1","creatorId":"c1","category":"music",
 *  "title":"Live at the Roxy","tags":["jazz","live"],"durationSeconds":245,"uploadedAt":"2025-06-15T10:58:00Z","language":"en"}
 * {"type":"user","eventId":"e4","timestamp":"2025-06-15T09:00:00Z","userId":"u1","ageBand":"25-34","country":"DE","device":"android","signupAt":"2025-06-01T08:00:00Z"}
 * {"type":"user-deleted","eventId":"e5","timestamp":"2025-06-16T09:00:00Z","userId":"u1"}
 * }</pre>
 * (The video line is wrapped here; in a file each event is one line.)
 */
public final class EventJson {
    private final ObjectMapper mapper;
    private final ObjectReader lineReader;
    private final EventValidator validator;

    public EventJson(EventValidator validator) {
        this.validator = validator;
        this.mapper = new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
        this.lineReader = mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Parses a JSON array of events (the HTTP body); error indexes are 0-based array positions. */
    public List<Event> parseArray(String body) {
        ValidationErrors errors = new ValidationErrors();
        long now = validator.nowMillis();
        List<Event> events = new ArrayList<>();
        int index = 0;
        try (JsonParser p = mapper.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                errors.add("", "the body must be a JSON array of events");
                errors.throwIfAny();
            }
            while (true) {
                errors.atEvent(index);
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    break;
                }
                if (t == null) {
                    errors.add("", "malformed JSON: the array is not closed");
                    break;
                }
                accept(mapper.readTree(p), now, errors, events);
                index++;
            }
            errors.at(-1, "body");
            if (p.nextToken() != null) {
                errors.add("", "malformed JSON: unexpected content after the array");
            }
        } catch (JsonProcessingException e) {
            errors.add("", "malformed JSON: " + e.getOriginalMessage() + location(e, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        errors.throwIfAny();
        return events;
    }

    /** Parses JSON Lines (blank lines skipped); error indexes are event positions, messages give 1-based lines. */
    public List<Event> parseLines(String body) {
        return parseLines(new StringReader(body));
    }

    /** Like {@link #parseLines(String)}, reading until the end of {@code in} (not closed). */
    public List<Event> parseLines(Reader in) {
        ValidationErrors errors = new ValidationErrors();
        long now = validator.nowMillis();
        List<Event> events = new ArrayList<>();
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        try {
            int line = 0;
            int index = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                errors.at(index++, "line " + line);
                try {
                    accept(lineReader.readValue(text), now, errors, events);
                } catch (JsonProcessingException e) {
                    errors.add("", "malformed JSON: " + e.getOriginalMessage() + location(e, false));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        errors.throwIfAny();
        return events;
    }

    private void accept(JsonNode node, long now, ValidationErrors errors, List<Event> out) {
        Event event = EventJsonReader.read(node, errors);
        if (event != null) {
            validator.check(event, now, errors);
            out.add(event);
        }
    }

    /** One event as a single-line JSON object. */
    public String toJson(Event event) {
        StringWriter out = new StringWriter(160);
        write(event, out);
        return out.toString();
    }

    /** Writes {@code events} as JSON Lines (each line ends with '\n'); {@code out} is flushed, not closed. */
    public void writeLines(List<? extends Event> events, Writer out) {
        for (Event e : events) {
            write(e, out);
            try {
                out.write('\n');
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private void write(Event event, Writer out) {
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            EventJsonWriter.write(event, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(JsonProcessingException e, boolean withLine) {
        if (e.getLocation() == null) {
            return "";
        }
        String column = "column " + e.getLocation().getColumnNr();
        return withLine ? " (line " + e.getLocation().getLineNr() + ", " + column + ")" : " (" + column + ")";
    }
}
