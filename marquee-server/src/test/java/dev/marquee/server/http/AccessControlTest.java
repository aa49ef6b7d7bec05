package dev.marquee.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.server.TrainedWorld;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bearer-token access control over real HTTP, with {@code --feed-auth} on and the demo page's token for
 * loopback browsers: writes and /v1/users need the token, refusals are 401 JSON with WWW-Authenticate, and
 * neither the token nor user ids reach the log.
 */
class AccessControlTest {
    static final String SECRET_USER = "user-who-must-not-be-logged-4711";
    static ServerHarness server;
    static StderrCapture captured;

    @BeforeAll
    static void start() throws Exception {
        captured = new StderrCapture();
        Path root = Files.createTempDirectory("marquee-auth");
        TrainedWorld.copyTo(root);
        server = new ServerHarness(root, c -> c.withProtection(new ApiProtection(ApiToken.of(ServerHarness.TOKEN), true,
                true, AdmissionLimits.defaults())));
    }

    @AfterAll
    static void stop() {
        server.close();
        captured.close();
    }

    private static HttpResponse<String> call(String method, String path, String body, String authorization)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return server.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void writesAndUserRoutes_withoutOrWithAWrongToken_are401WithAChallenge_andNothingIsStored() throws Exception {
        String events = "[{\"eventId\":\"auth-1\",\"type\":\"click\",\"userId\":\"" + SECRET_USER
                + "\",\"videoId\":\"v1\",\"timestamp\":\"" + java.time.Instant.now() + "\"}]";
        String wrong = "Bearer " + ServerHarness.TOKEN.substring(0, ServerHarness.TOKEN.length() - 1) + "X";
        List<String[]> routes = List.of(new String[] {"POST", "/v1/events", events},
                new String[] {"PUT", "/v1/videos/v-auth", "{\"creatorId\":\"c\"}"},
                new String[] {"PUT", "/v1/users/" + SECRET_USER, "{\"country\":\"NL\"}"},
                new String[] {"DELETE", "/v1/users/" + SECRET_USER, null},
                new String[] {"GET", "/v1/users/sample", null},
                new String[] {"GET", "/v1/feed/" + SECRET_USER, null});
        long endBefore = ServerHarness.json(server.get("/v1/status")).get("appliedOffset").asLong();
        for (String[] r : routes) {
            for (String auth : new String[] {null, wrong, "Basic " + ServerHarness.TOKEN, "Bearer", "Bearer " + ServerHarness.TOKEN + "x"}) {
                HttpResponse<String> res = call(r[0], r[1], r[2], auth);
                assertThat(res.statusCode()).as("%s %s with %s", r[0], r[1], auth).isEqualTo(401);
                assertThat(res.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"marquee\"");
                assertThat(ServerHarness.json(res).get("error").asText()).contains("token");
            }
        }
        assertThat(ServerHarness.json(server.get("/v1/status")).get("appliedOffset").asLong()).isEqualTo(endBefore);
        String metrics = server.get("/metrics").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("marquee_http_unauthorized_total\\S* ([0-9.]+)")
                .matcher(metrics);
        assertThat(m.find()).as("unauthorized counter in /metrics").isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(routes.size() * 5);
    }

    @Test
    void theRightToken_inAnyCaseOfTheScheme_isAccepted() throws Exception {
        String events = "[{\"eventId\":\"auth-ok\",\"type\":\"click\",\"userId\":\"" + SECRET_USER
                + "\",\"videoId\":\"v1\",\"timestamp\":\"" + java.time.Instant.now() + "\"}]";
        assertThat(call("POST", "/v1/events", events, "Bearer " + ServerHarness.TOKEN).statusCode()).isEqualTo(202);
        assertThat(call("GET", "/v1/feed/" + SECRET_USER, null, "bearer " + ServerHarness.TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/v1/users/sample?n=2", null, "BEARER " + ServerHarness.TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void openEndpoints_needNoToken() throws Exception {
        for (String path : List.of("/health/live", "/health/ready", "/metrics", "/v1/status", "/openapi.json", "/",
                "/static/app.js")) {
            assertThat(call("GET", path, null, null).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void demoPage_givesTheTokenToALoopbackBrowser_only() throws Exception {
        String page = call("GET", "/", null, null).body();
        assertThat(page).contains("window.MARQUEE_TOKEN = \"" + ServerHarness.TOKEN + "\"");
        assertThat(page.indexOf("MARQUEE_TOKEN")).isLessThan(page.indexOf("/static/app.js"));
        assertThat(call("GET", "/v1/status", null, null).body()).doesNotContain(ServerHarness.TOKEN);
    }

    @Test
    void logs_neverHoldTheTokenOrTheUserId() throws Exception {
        writesAndUserRoutes_withoutOrWithAWrongToken_are401WithAChallenge_andNothingIsStored_quietly();
        String log = captured.text();
        assertThat(log).isNotEmpty(); // the server's start-up lines were captured: the capture works
        assertThat(log).doesNotContain(ServerHarness.TOKEN).doesNotContain(SECRET_USER);
    }

    private void writesAndUserRoutes_withoutOrWithAWrongToken_are401WithAChallenge_andNothingIsStored_quietly()
            throws Exception {
        call("POST", "/v1/events", "[{\"broken", "Bearer nope-" + SECRET_USER);
        call("GET", "/v1/feed/" + SECRET_USER + "?limit=abc", null, "Bearer " + ServerHarness.TOKEN);
        call("DELETE", "/v1/users/" + SECRET_USER, null, "Bearer " + ServerHarness.TOKEN);
    }
}
