package dev.marquee.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real-time loop over HTTP with a trained ranker: long views posted for creator C's videos change the
 * very next feed — the watched videos are gone and C's unwatched upload is ranked into the page.
 */
class FreshnessTest {
    static ServerHarness server;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createTempDirectory("marquee-fresh");
        assertThat(Main.run("generate", "--data", root.toString(), "--videos", "800", "--users", "400", "--days", "2",
                "--seed", "9")).isZero();
        assertThat(Main.run("train", "--data", root.toString(), "--model", "ranker", "--sample", "1.0",
                "--max-rows", "60000", "--epochs", "2")).isZero();
        server = new ServerHarness(root);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> feed(String user, long minOffset) throws Exception {
        JsonNode feed = ServerHarness.json(server.get("/v1/feed/" + user + "?limit=50&minOffset=" + minOffset));
        List<String> ids = new ArrayList<>();
        feed.get("items").forEach(i -> ids.add(i.get("videoId").asText()));
        return ids;
    }

    @Test
    void longViewsOfACreator_changeTheNextFeed() throws Exception {
        assertThat(ServerHarness.json(server.get("/v1/status")).get("modelVersion").asText()).contains("ranker");
        String user = ServerHarness.json(server.get("/v1/users/sample?n=1")).get(0).asText();
        String now = Instant.now().toString();
        for (int i = 1; i <= 3; i++) {
            String body = "{\"creatorId\":\"creator-fresh\",\"category\":\"astronomy\",\"title\":\"Telescope night sky galaxies part "
                    + i + "\",\"tags\":[\"telescope\",\"stars\"],\"durationSeconds\":600,\"uploadedAt\":\"" + now
                    + "\",\"language\":\"en\"}";
            assertThat(server.send("PUT", "/v1/videos/fresh-" + i, body).statusCode()).isEqualTo(200);
        }
        List<String> before = feed(user, 0);

        StringBuilder events = new StringBuilder("[");
        for (int i = 1; i <= 2; i++) {
            String t = Instant.now().toString();
            events.append(i > 1 ? "," : "")
                    .append("{\"eventId\":\"f-click-").append(i).append("\",\"type\":\"click\",\"userId\":\"").append(user)
                    .append("\",\"videoId\":\"fresh-").append(i).append("\",\"timestamp\":\"").append(t).append("\"},")
                    .append("{\"eventId\":\"f-view-").append(i).append("\",\"type\":\"view\",\"userId\":\"").append(user)
                    .append("\",\"videoId\":\"fresh-").append(i).append("\",\"watchSeconds\":540,\"timestamp\":\"")
                    .append(t).append("\"}");
        }
        events.append("]");
        var posted = server.send("POST", "/v1/events", events.toString());
        assertThat(posted.statusCode()).isEqualTo(202);
        long offset = ServerHarness.json(posted).get("offset").asLong();

        List<String> after = feed(user, offset);

        assertThat(after).doesNotContain("fresh-1", "fresh-2");
        assertThat(after).as("creator C's unwatched upload is ranked into the next feed (before: %s)", before)
                .contains("fresh-3");
        if (before.contains("fresh-3")) {
            assertThat(after.indexOf("fresh-3")).as("ranked higher than before").isLessThan(before.indexOf("fresh-3"));
        }
    }
}
