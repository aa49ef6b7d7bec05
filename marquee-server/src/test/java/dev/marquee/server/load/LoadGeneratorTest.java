package dev.marquee.server.load;

import dev.marquee.server.http.AdmissionLimits;
import dev.marquee.server.http.ApiProtection;
import dev.marquee.server.http.ApiToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.server.DataDir;
import dev.marquee.server.Main;
import dev.marquee.server.ServeConfig;
import dev.marquee.server.Wiring;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A few seconds of open-loop load against a real in-process server over loopback HTTP: every scheduled arrival
 * is accounted for exactly once, and the client's counts agree with the server's own metrics.
 */
class LoadGeneratorTest {
    static Wiring server;
    static URI base;

    private static final String TOKEN = "load-test-token-0123456789";

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createTempDirectory("marquee-load");
        assertThat(Main.run("generate", "--data", root.toString(), "--videos", "800", "--users", "400", "--days", "2",
                "--seed", "11")).isZero();
        server = Wiring.start(ServeConfig.defaults(new DataDir(root), 0).withListen("127.0.0.1", 0)
                .withDeadline(Duration.ofMillis(500), Duration.ofMillis(400))
                // no shedding here: this test checks the generator's accounting, not the server's capacity on a busy box
                .withProtection(new ApiProtection(ApiToken.of(TOKEN), false, false,
                        new AdmissionLimits(10_000, 10_000, 10_000, 10_000, Duration.ofSeconds(10)))), o -> { });
        base = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void run_accountsForEveryArrival_andAgreesWithServerMetrics() {
        // 60 arrivals/s for 3 s, a quarter posting 20 events; a 60 s request timeout so a busy box cannot fail it
        LoadConfig cfg = new LoadConfig(base, 60, Duration.ofSeconds(3), Duration.ZERO, 200, 0.25, 20, 1.0, TOKEN,
                Duration.ofSeconds(60), 42);
        try (LoadClient client = new LoadClient(cfg)) {
            double acceptedBefore = ingestAccepted(client);

            LoadReport report = LoadGenerator.run(cfg);
            System.out.print(report.toText());

            EndpointReport feed = report.endpoint("feed");
            EndpointReport events = report.endpoint("events");
            assertThat(report.scheduled()).isEqualTo(180);
            assertThat(report.finished()).isEqualTo(report.scheduled());
            assertThat(feed.requests() + events.requests()).isEqualTo(180);
            assertThat(events.requests()).as("about a quarter of arrivals post events").isBetween(20L, 80L);
            assertThat(feed.errors()).as("feed errors by status %s", feed.byStatus()).isZero();
            assertThat(events.errors()).as("event errors by status %s", events.byStatus()).isZero();
            assertThat(feed.byStatus()).containsOnlyKeys("200");
            assertThat(feed.items()).as("feed items seen").isPositive();
            assertThat(events.items()).as("every posted event accepted").isEqualTo(events.requests() * 20);
            assertThat(ingestAccepted(client) - acceptedBefore).as("server counted the same accepted events")
                    .isEqualTo((double) events.items());
            assertThat(feed.p50Ms()).isPositive().isLessThanOrEqualTo(feed.p99Ms());
            assertThat(feed.p99Ms()).isLessThanOrEqualTo(feed.p999Ms()).isLessThanOrEqualTo(feed.maxMs());
            StageTiming handler = report.serverStages().stream().filter(s -> s.series().equals("marquee_http_feed"))
                    .findFirst().orElseThrow();
            assertThat(handler.count()).as("server saw each measured feed once").isEqualTo(feed.requests());
            assertThat(report.serverStages()).anyMatch(s -> s.series().startsWith("marquee_pipeline_stage{"));
        }
    }

    private static double ingestAccepted(LoadClient client) {
        String metrics = client.get("/metrics").body();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("marquee_ingest_events_total{") && line.contains("outcome=\"accepted\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
