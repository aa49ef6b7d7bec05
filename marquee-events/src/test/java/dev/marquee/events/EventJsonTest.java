package dev.marquee.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.testkit.FakeClock;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The wire format and one test per validation rule. */
class EventJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final FakeClock clock = new FakeClock(TestEvents.T0 + 3_600_000L);
    private final EventJson json = new EventJson(new EventValidator(clock));

    @Test
    void toJson_usesTheDocumentedFieldNames() {
        assertThat(json.toJson(new Impression("e1", TestEvents.T0, "u1", "v1", "r1", 2))).isEqualTo(
                "{\"eventId\":\"e1\",\"type\":\"impression\",\"userId\":\"u1\",\"videoId\":\"v1\",\"requestId\":\"r1\","
                        + "\"position\":2,\"timestamp\":\"2025-06-15T00:00:00Z\"}");
        assertThat(json.toJson(TestEvents.everyType().get(6))).isEqualTo(
                "{\"type\":\"user\",\"eventId\":\"e-user\",\"timestamp\":\"2025-06-15T00:00:00.006Z\",\"userId\":\"u-1\","
                        + "\"ageBand\":\"25-34\",\"country\":\"DE\",\"device\":\"android\",\"signupAt\":\"2025-06-14T23:59:59Z\"}");
    }

    @Test
    void documentedExample_parses() {
        String lines = """
                {"eventId":"e1","type":"impression","userId":"u1","videoId":"v1","requestId":"r1","position":0,"timestamp":"2025-06-15T12:00:00Z"}
                {"eventId":"e2","type":"view","userId":"u1","videoId":"v1","watchSeconds":42.5,"timestamp":"2025-06-15T12:00:09Z"}
                {"type":"video","eventId":"e3","timestamp":"2025-06-15T11:00:00Z","videoId":"v1","creatorId":"c1","category":"music",                "title":"Live at the Roxy","tags":["jazz","live"],"durationSeconds":245,"uploadedAt":"2025-06-15T10:58:00Z","language":"en"}
                {"type":"user","eventId":"e4","timestamp":"2025-06-15T09:00:00Z","userId":"u1","ageBand":"25-34","country":"DE","device":"android","signupAt":"2025-06-01T08:00:00Z"}
                {"type":"user-deleted","eventId":"e5","timestamp":"2025-06-16T09:00:00Z","userId":"u1"}
                """;
        EventJson later = new EventJson(new EventValidator(new FakeClock(TestEvents.T0 + 3 * 86_400_000L)));
        List<Event> events = later.parseLines(lines);
        assertThat(events).extracting(Event::type).containsExactly("impression", "view", "video", "user", "user-deleted");
        assertThat(((View) events.get(1)).watchSeconds()).isEqualTo(42.5);
        assertThat(((VideoUpserted) events.get(2)).video().tags()).containsExactly("jazz", "live");
    }

    @Test
    void jsonLines_roundTripEveryType() {
        StringWriter out = new StringWriter();
        json.writeLines(TestEvents.everyType(), out);
        assertThat(json.parseLines(out.toString())).containsExactlyElementsOf(TestEvents.everyType());
    }

    @Test
    void parseArray_roundTripEveryType() {
        String body = "[" + String.join(",", TestEvents.everyType().stream().map(json::toJson).toList()) + "]";
        assertThat(json.parseArray(body)).containsExactlyElementsOf(TestEvents.everyType());
        assertThat(json.parseArray(" [ ] ")).isEmpty();
    }

    @Test
    void requestId_isOptionalForOrganicPlays_butRequiredForImpressions() {
        assertThat(json.parseArray(body(valid("click", n -> n.remove("requestId"))))).hasSize(1);
        assertThat(json.parseArray(body(valid("view", n -> n.putNull("requestId"))))).hasSize(1);
        assertError(body(valid("impression", n -> n.remove("requestId"))), 0, "requestId", "missing required field");
    }

    @Test
    void missingField_isRejected() {
        assertError(body(valid("video", n -> n.remove("creatorId"))), 0, "creatorId", "event 0, field 'creatorId': missing required field");
    }

    @Test
    void unknownField_isRejected() {
        assertError(body(valid("share", n -> n.put("colour", "red"))), 0, "colour", "unknown field for type 'share'");
    }

    @Test
    void fieldOfAnotherType_isRejectedAsUnknown() {
        assertError(body(valid("click", n -> n.put("position", 3))), 0, "position", "unknown field for type 'click'");
    }

    @Test
    void duplicateField_isMalformed() {
        String line = "{\"eventId\":\"e\",\"eventId\":\"f\",\"type\":\"click\"}";
        assertLineError(line, 0, "", "Duplicate field 'eventId'");
    }

    @Test
    void wrongType_stringForInteger_isRejected() {
        assertError(body(valid("impression", n -> n.put("position", "3"))), 0, "position", "must be a 32-bit integer, got string '3'");
        assertError(body(valid("impression", n -> n.put("position", 2.5))), 0, "position", "must be a 32-bit integer, got number 2.5");
    }

    @Test
    void wrongType_numberForTimestamp_isRejected() {
        assertError(body(valid("click", n -> n.put("timestamp", 1_749_945_600_000L))), 0, "timestamp", "must be a string");
        assertError(body(valid("click", n -> n.put("timestamp", "yesterday"))), 0, "timestamp", "must be an ISO-8601 UTC timestamp");
    }

    @Test
    void wrongType_tagsNotAnArrayOfStrings_isRejected() {
        assertError(body(valid("video", n -> n.put("tags", "a,b"))), 0, "tags", "must be an array of strings");
        assertError(body(valid("video", n -> n.putArray("tags").add("a").add(3))), 0, "tags", "element 1 must be a string");
    }

    @Test
    void watchSeconds_negative_isRejected() {
        assertError(body(valid("view", n -> n.put("watchSeconds", -0.5))), 0, "watchSeconds", "must be between 0 and 86400");
    }

    @Test
    void watchSeconds_over24Hours_isRejected() {
        assertError(body(valid("view", n -> n.put("watchSeconds", 86_400.5))), 0, "watchSeconds", "got 86400.5");
    }

    @Test
    void position_negative_isRejected() {
        assertError(body(valid("impression", n -> n.put("position", -1))), 0, "position", "must be between 0 and 10000, got -1");
    }

    @Test
    void durationSeconds_zeroOrOver24Hours_isRejected() {
        assertError(body(valid("video", n -> n.put("durationSeconds", 0))), 0, "durationSeconds", "must be between 1 and 86400");
        assertError(body(valid("video", n -> n.put("durationSeconds", 86_401))), 0, "durationSeconds", "got 86401");
    }

    @Test
    void timestamp_moreThanFiveMinutesInFuture_isRejected() {
        String now = java.time.Instant.ofEpochMilli(clock.millis()).toString();
        String in4 = java.time.Instant.ofEpochMilli(clock.millis() + 4 * 60_000).toString();
        String in6 = java.time.Instant.ofEpochMilli(clock.millis() + 6 * 60_000).toString();
        assertThat(json.parseArray(body(valid("click", n -> n.put("timestamp", in4))))).hasSize(1);
        assertError(body(valid("click", n -> n.put("timestamp", in6))), 0, "timestamp", "more than 5 minutes in the future");
        assertError(body(valid("user", n -> n.put("signupAt", in6))), 0, "signupAt", "now " + now);
    }

    @Test
    void id_emptyOrTooLong_isRejected() {
        assertError(body(valid("click", n -> n.put("userId", ""))), 0, "userId", "must not be empty");
        assertError(body(valid("click", n -> n.put("eventId", "x".repeat(129)))), 0, "eventId", "at most 128 characters, got 129");
        assertThat(json.parseArray(body(valid("click", n -> n.put("eventId", "x".repeat(128)))))).hasSize(1);
    }

    @Test
    void id_dotSegment_isRejected_becauseNoUrlPathCanNameIt() {
        assertError(body(valid("click", n -> n.put("userId", "."))), 0, "userId", "a dot segment cannot be named");
        assertError(body(valid("click", n -> n.put("videoId", ".."))), 0, "videoId", "a dot segment cannot be named");
        assertThat(json.parseArray(body(valid("click", n -> n.put("userId", "...."))))).hasSize(1);
        assertThat(json.parseArray(body(valid("click", n -> n.put("userId", ".hidden"))))).hasSize(1);
    }

    @Test
    void titleTooLong_isRejected() {
        assertError(body(valid("video", n -> n.put("title", "t".repeat(501)))), 0, "title", "at most 500 characters, got 501");
    }

    @Test
    void tooManyOrTooLongTags_areRejected() {
        assertError(body(valid("video", n -> {
            var tags = n.putArray("tags");
            for (int i = 0; i < 51; i++) {
                tags.add("t" + i);
            }
        })), 0, "tags", "at most 50 tags allowed, got 51");
        assertError(body(valid("video", n -> n.putArray("tags").add("ok").add("x".repeat(65)))), 0, "tags",
                "tag 1 must be at most 64 characters");
    }

    @Test
    void unknownOrMissingType_isRejected() {
        assertError(body(valid("click", n -> n.put("type", "like"))), 0, "type", "unknown event type string 'like'");
        assertError(body(valid("click", n -> n.remove("type"))), 0, "type", "missing required field");
    }

    @Test
    void malformedJson_isRejected() {
        assertError("[" + valid("click", n -> { }) + ", {\"eventId\": ]", 1, "", "malformed JSON");
        assertLineError("{\"type\": \"click\",", 0, "", "line 1: malformed JSON");
        assertError("{\"type\":\"click\"}", -1, "", "must be a JSON array");
        assertError("[" + valid("click", n -> { }) + "] []", -1, "", "unexpected content after the array");
    }

    @Test
    void badBatch_isRejectedWhole_listingEveryError() {
        String body = "[" + valid("click", n -> { }) + "," + valid("view", n -> n.put("watchSeconds", -1))
                + "," + valid("impression", n -> {
                    n.remove("videoId");
                    n.put("rank", 2);
                }) + "]";
        BatchValidationException e = catchThrowableOfType(BatchValidationException.class, () -> json.parseArray(body));
        assertThat(e.errors()).extracting(ValidationError::index, ValidationError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "watchSeconds"),
                        org.assertj.core.groups.Tuple.tuple(2, "rank"), org.assertj.core.groups.Tuple.tuple(2, "videoId"));
        assertThat(e).hasMessageStartingWith("invalid batch: 3 errors; first: event 1, field 'watchSeconds'");
    }

    @Test
    void jsonLines_errorsNameOneBasedLines_countingBlankLines() {
        String lines = valid("click", n -> { }) + "\n\n" + valid("click", n -> n.put("eventId", "")) + "\n";
        BatchValidationException e = catchThrowableOfType(BatchValidationException.class, () -> json.parseLines(lines));
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.index()).isEqualTo(1);
            assertThat(err.field()).isEqualTo("eventId");
            assertThat(err.message()).isEqualTo("line 3, field 'eventId': must not be empty");
        });
    }

    @Test
    void errors_areCappedButCounted() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            lines.append(valid("click", n -> n.put("eventId", ""))).append('\n');
        }
        BatchValidationException e = catchThrowableOfType(BatchValidationException.class, () -> json.parseLines(lines.toString()));
        assertThat(e.errors()).hasSize(BatchValidationException.MAX_ERRORS);
        assertThat(e.totalErrors()).isEqualTo(150);
    }

    @Test
    void validator_checksTypedEventsToo() {
        EventValidator validator = new EventValidator(clock);
        List<Event> batch = List.of(TestEvents.click("ok"), new Click(null, TestEvents.T0, "u", "v", null));
        BatchValidationException e = catchThrowableOfType(BatchValidationException.class, () -> validator.validate(batch));
        assertThat(e.errors()).singleElement().extracting(ValidationError::message).isEqualTo("event 1, field 'eventId': is required");
    }

    private void assertError(String arrayBody, int index, String field, String messagePart) {
        assertRejected(() -> json.parseArray(arrayBody), arrayBody, index, field, messagePart);
    }

    private void assertLineError(String lines, int index, String field, String messagePart) {
        assertRejected(() -> json.parseLines(lines), lines, index, field, messagePart);
    }

    private static void assertRejected(Runnable parse, String input, int index, String field, String messagePart) {
        BatchValidationException e = catchThrowableOfType(BatchValidationException.class, parse::run);
        assertThat(e).as("expected rejection of %s", input).isNotNull();
        assertThat(e.errors()).anySatisfy(err -> {
            assertThat(err.index()).isEqualTo(index);
            assertThat(err.field()).isEqualTo(field);
            assertThat(err.message()).contains(messagePart);
        });
    }

    private static String body(ObjectNode node) {
        return "[" + node + "]";
    }

    private ObjectNode valid(String type, Consumer<ObjectNode> edit) {
        Event e = switch (type) {
            case "impression" -> TestEvents.everyType().get(0);
            case "click" -> new Click("e-click", TestEvents.T0, "u-1", "v-1", "r-1");
            case "view" -> TestEvents.everyType().get(2);
            case "share" -> TestEvents.everyType().get(3);
            case "video" -> TestEvents.everyType().get(4);
            default -> TestEvents.everyType().get(6);
        };
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(json.toJson(e));
            edit.accept(node);
            return node;
        } catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
    }
}
