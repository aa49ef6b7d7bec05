package dev.marquee.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.server.DataDir;
import dev.marquee.server.Main;
import dev.marquee.server.ServeConfig;
import dev.marquee.server.Wiring;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real serving process (in-JVM) on a small generated world, spoken to over real HTTP with its bearer token.
 * Like {@code marquee demo}, the page hands the token to (loopback) browsers, so UI tests can post events.
 */
final class ServerHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final Wiring wiring;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final DataDir dir;

    static final String TOKEN = "test-token-0123456789abcdef";

    ServerHarness(Path root) {
        this(root, c -> c);
    }

    /** @param tune adjusts the test config (limits, poll periods) before start */
    ServerHarness(Path root, java.util.function.UnaryOperator<ServeConfig> tune) {
        dir = new DataDir(root);
        if (!dir.hasEvents()) {
            assertThat(Main.run("generate", "--data", root.toString(), "--videos", "800", "--users", "400", "--days", "2",
                    "--seed", "5")).isZero();
        }
        wiring = Wiring.start(tune.apply(ServeConfig.defaults(dir, 0).withListen("127.0.0.1", 0)
                .withDeadline(Duration.ofMillis(500), Duration.ofMillis(400))
                .withProtection(new ApiProtection(ApiToken.of(TOKEN), false, true, AdmissionLimits.defaults()))),
                o -> { });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + wiring.port() + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Override
    public void close() {
        wiring.close();
    }
}
