package dev.marquee.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint and every error status of API v1, over real HTTP against a real serving process. */
class HttpApiTest {
    static ServerHarness server;
    static Path root;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory("marquee-http");
        server = new ServerHarness(root);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String someUser() throws Exception {
        JsonNode users = ServerHarness.json(server.get("/v1/users/sample?n=1"));
        return users.get(0).asText();
    }

    private static String view(String id, String user, String video, double seconds) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"view\",\"userId\":\"" + user + "\",\"videoId\":\"" + video
                + "\",\"watchSeconds\":" + seconds + ",\"timestamp\":\"" + Instant.now() + "\"}";
    }

    @Test
    void feed_knownUser_returnsRankedPageWithTimings() throws Exception {
        HttpResponse<String> r = server.get("/v1/feed/" + someUser() + "?limit=10");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode feed = ServerHarness.json(r);
        assertThat(feed.get("items").size()).isBetween(1, 10);
        JsonNode item = feed.get("items").get(0);
        for (String field : List.of("videoId", "creatorId", "category", "title", "position", "score", "sources")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(feed.get("requestId").asText()).isNotBlank();
        assertThat(feed.get("timingsMs").has("total")).isTrue();
    }

    @Test
    void feed_unknownUser_getsTheNewUserFeed() throws Exception {
        HttpResponse<String> r = server.get("/v1/feed/never-seen-before?limit=5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ServerHarness.json(r).get("items").size()).isPositive();
    }

    @Test
    void feed_explain_showsStagesAndDecisions() throws Exception {
        JsonNode feed = ServerHarness.json(server.get("/v1/feed/" + someUser() + "?limit=5&explain=true"));
        JsonNode item = feed.get("items").get(0);
        assertThat(item.has("stageScores")).isTrue();
        assertThat(item.has("decisions")).isTrue();
        assertThat(feed.has("candidateCounts")).isTrue();
    }

    @Test
    void feed_badParameters_are400WithAMessage() throws Exception {
        for (String q : List.of("limit=0", "limit=abc", "limit=101", "explain=maybe", "w_click=-1", "minOffset=-5")) {
            HttpResponse<String> r = server.get("/v1/feed/u1?" + q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(ServerHarness.json(r).get("error").asText()).as(q).isNotBlank();
        }
        String longId = "x".repeat(129);
        assertThat(server.get("/v1/feed/" + longId).statusCode()).isEqualTo(400);
    }

    @Test
    void events_validBatchIs202_andARepeatCountsAsDuplicates() throws Exception {
        String user = someUser();
        String body = "[" + view("t-ok-1", user, "v1", 45) + "," + view("t-ok-2", user, "v2", 5) + "]";
        HttpResponse<String> r = server.send("POST", "/v1/events", body);
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(ServerHarness.json(r).get("accepted").asInt()).isEqualTo(2);
        HttpResponse<String> again = server.send("POST", "/v1/events", body);
        assertThat(ServerHarness.json(again).get("duplicates").asInt()).isEqualTo(2);
        HttpResponse<String> lines = server.send("POST", "/v1/events", view("t-ok-3", user, "v3", 31) + "\n");
        assertThat(lines.statusCode()).isEqualTo(202);
    }

    @Test
    void events_badBatchIs400WithDetails_andNothingIsAppended() throws Exception {
        long before = ServerHarness.json(server.get("/v1/status")).get("appliedOffset").asLong();
        String body = "[" + view("t-bad-1", "u1", "v1", 45) + ",{\"eventId\":\"t-bad-2\",\"type\":\"view\"}]";
        HttpResponse<String> r = server.send("POST", "/v1/events", body);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode details = ServerHarness.json(r).get("details");
        assertThat(details.size()).isPositive();
        assertThat(details.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(details.get(0).get("field").asText()).isNotBlank();
        HttpResponse<String> retry = server.send("POST", "/v1/events", "[" + view("t-bad-1", "u1", "v1", 45) + "]");
        assertThat(ServerHarness.json(retry).get("accepted").asInt()).as("t-bad-1 was not stored by the bad batch").isEqualTo(1);
        assertThat(ServerHarness.json(server.get("/v1/status")).get("appliedOffset").asLong()).isGreaterThanOrEqualTo(before);
        assertThat(server.send("POST", "/v1/events", "not json").statusCode()).isEqualTo(400);
        assertThat(server.send("POST", "/v1/events", "[]").statusCode()).isEqualTo(400);
    }

    @Test
    void events_withARequestLineOverTheLimitAndABatchOverTheLimit_getAJsonErrorNotAResetConnection() throws Exception {
        String query = "?" + "%E5%B9%AD%EA%8E%94=1.5&".repeat(300); // ~7 KiB request line: above Helidon's 4 KiB default, within HttpApi.MAX_REQUEST_LINE
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 5_002; i++) {
            body.append(i == 0 ? "" : ",").append(view("t-long-q-" + i, "u1", "v1", 45));
        }
        HttpResponse<String> r = server.send("POST", "/v1/events" + query, body.append("]").toString());

        assertThat(r.statusCode()).isLessThan(500);
        assertThat(r.statusCode() == 202 || r.body().contains("\"error\"")).as(r.body()).isTrue();
    }

    @Test
    void events_overTheLimitsAre413() throws Exception {
        String huge = "[" + view("t-big", "u1", "v1", 45).replace("\"v1\"", "\"" + "v".repeat(10) + "\"") + ","
                + "\"" + "x".repeat(1 << 20) + "\"]";
        assertThat(server.send("POST", "/v1/events", huge).statusCode()).isEqualTo(413);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 5_001; i++) {
            many.add(view("t-many-" + i, "u1", "v1", 45));
        }
        assertThat(server.send("POST", "/v1/events", "[" + String.join(",", many) + "]").statusCode()).isEqualTo(413);
    }

    @Test
    void videos_putMakesTheVideoKnown_andBadBodiesAre400() throws Exception {
        String body = "{\"creatorId\":\"c-new\",\"category\":\"cooking\",\"title\":\"Crispy garlic noodles with chili oil\","
                + "\"tags\":[\"noodles\",\"garlic\"],\"durationSeconds\":420,\"uploadedAt\":\"" + Instant.now() + "\",\"language\":\"en\"}";
        HttpResponse<String> r = server.send("PUT", "/v1/videos/brand-new-video", body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ServerHarness.json(r).get("applied").asBoolean()).isTrue();
        assertThat(server.send("PUT", "/v1/videos/x", "{\"title\":\"no creator\"}").statusCode()).isEqualTo(400);
        assertThat(server.send("PUT", "/v1/videos/x", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(server.send("PUT", "/v1/videos/x", body.replace("{", "{\"videoId\":\"other\",")).statusCode()).isEqualTo(400);
    }

    @Test
    void users_putAndDelete_andTheForgottenUserStillGetsAFeed() throws Exception {
        String body = "{\"ageBand\":\"25-34\",\"country\":\"DE\",\"device\":\"mobile\",\"signupAt\":\"" + Instant.now() + "\"}";
        assertThat(server.send("PUT", "/v1/users/new-person", body).statusCode()).isEqualTo(200);
        String user = someUser();
        assertThat(server.send("DELETE", "/v1/users/" + user, "").statusCode()).isEqualTo(200);
        HttpResponse<String> feed = server.get("/v1/feed/" + user);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(ServerHarness.json(feed).get("items").size()).isPositive();
        assertThat(server.send("PUT", "/v1/users/bad", "{\"ageBand\":5}").statusCode()).isEqualTo(400);
        HttpResponse<String> dot = server.send("PUT", "/v1/users/%2E%2E", body);
        assertThat(dot.statusCode()).isEqualTo(400);
        assertThat(dot.body()).contains("dot segment");
    }

    @Test
    void operationalEndpoints_answer() throws Exception {
        assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(server.get("/health/ready").statusCode()).isEqualTo(200);
        server.get("/v1/feed/u1");
        HttpResponse<String> metrics = server.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("marquee_pipeline_stage").contains("marquee_features_freshness");
        assertThat(ServerHarness.json(server.get("/openapi.json")).get("paths").has("/v1/events")).isTrue();
        assertThat(server.get("/").body()).contains("<title>Marquee");
        assertThat(server.get("/static/app.js").statusCode()).isEqualTo(200);
        assertThat(server.get("/static/nope.js").statusCode()).isEqualTo(404);
        assertThat(ServerHarness.json(server.get("/v1/status")).has("modelVersion")).isTrue();
    }
}
