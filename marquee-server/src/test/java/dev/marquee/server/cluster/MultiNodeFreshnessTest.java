package dev.marquee.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.events.Event;
import dev.marquee.events.FileEventLog;
import dev.marquee.events.LogRecord;
import dev.marquee.events.kafka.EmbeddedKafkaBroker;
import dev.marquee.events.kafka.KafkaEventLog;
import dev.marquee.events.kafka.KafkaLogConfig;
import dev.marquee.features.redis.RedisServerProcess;
import dev.marquee.server.BackendSpec;
import dev.marquee.server.DataDir;
import dev.marquee.server.Main;
import dev.marquee.server.NodeBackends;
import dev.marquee.server.ServeConfig;
import dev.marquee.server.Wiring;
import dev.marquee.server.cli.UpdateCommand;
import dev.marquee.server.http.AdmissionLimits;
import dev.marquee.server.http.ApiProtection;
import dev.marquee.server.http.ApiToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several serving nodes on shared infrastructure, all real: an in-process Kafka broker (2-partition topic), a
 * redis-server, one `marquee update` consumer-group member applying the topic to Redis, and two serving nodes
 * without local updaters. A long view posted to node A must remove the watched video from node B's next feeds.
 * The end-to-end freshness (202 from A → B's feed reflects it) is printed as p50/p99.
 */
class MultiNodeFreshnessTest {
    private static final String TOKEN = "multi-node-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void longViewPostedToNodeA_changesNodeBsFeed() throws Exception {
        Path world = tmp.resolve("world");
        assertThat(Main.run("generate", "--data", world.toString(), "--videos", "500", "--users", "200", "--days", "1",
                "--seed", "3")).isZero();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             RedisServerProcess redis = RedisServerProcess.startOnFreePort()) {
            var kafka = new BackendSpec.KafkaLog(broker.bootstrapServers(), "events", 2);
            var store = new BackendSpec.RedisStore("127.0.0.1", redis.port(), "mn");
            long total = copyHistory(world, kafka);
            try (UpdateCommand.Running updater = UpdateCommand.start(kafka, store, "updaters")) {
                waitFor(() -> updater.loop().handled() >= total, Duration.ofSeconds(120), "updater applied the history");
                NodeBackends shared = new NodeBackends(kafka, store, false);
                try (Wiring a = node(tmp.resolve("a"), shared); Wiring b = node(tmp.resolve("b"), shared)) {
                    List<Double> millis = new ArrayList<>();
                    for (int i = 0; i < 12; i++) {
                        String user = String.format("u%06d", 1 + i * 7);
                        String video = feed(b, user).get("items").get(0).get("videoId").asText();
                        long t0 = System.nanoTime();
                        assertThat(postView(a, user, video, i)).isEqualTo(202);
                        waitFor(() -> !videos(feed(b, user)).contains(video), Duration.ofSeconds(10),
                                "node B stops serving " + video + " to " + user);
                        millis.add((System.nanoTime() - t0) / 1e6);
                        assertThat(videos(feed(a, user))).doesNotContain(video);
                    }
                    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    System.out.printf("multi-node freshness (POST to A -> B's feed changed), %d trials: p50 %.1f ms, "
                            + "p99/max %.1f ms, all %s%n", sorted.length, sorted[sorted.length / 2], sorted[sorted.length - 1],
                            Arrays.toString(sorted));
                }
            }
        }
    }

    private static long copyHistory(Path world, BackendSpec.KafkaLog k) {
        try (FileEventLog file = FileEventLog.open(world.resolve("events"));
             KafkaEventLog kafka = KafkaEventLog.open(KafkaLogConfig.of(k.bootstrapServers(), k.topic()).withPartitions(k.partitions()))) {
            List<Event> batch = new ArrayList<>();
            long n = 0;
            for (long from = 0; from < file.endOffset(); from += 2_000) {
                batch.clear();
                for (LogRecord r : file.read(from, 2_000)) {
                    batch.add(r.event());
                }
                n += kafka.append(batch).accepted();
            }
            return n;
        }
    }

    private static Wiring node(Path dir, NodeBackends backends) {
        ServeConfig cfg = ServeConfig.defaults(new DataDir(dir), 0).withListen("127.0.0.1", 0)
                .withDeadline(Duration.ofMillis(1000), Duration.ofMillis(800))
                .withProtection(new ApiProtection(ApiToken.of(TOKEN), false, false, AdmissionLimits.defaults()))
                .withBackends(backends);
        return Wiring.start(cfg, o -> { });
    }

    private JsonNode feed(Wiring node, String user) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port()
                    + "/v1/feed/" + user + "?limit=30")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> videos(JsonNode feed) {
        List<String> out = new ArrayList<>();
        feed.get("items").forEach(i -> out.add(i.get("videoId").asText()));
        return out;
    }

    private int postView(Wiring node, String user, String video, int i) throws Exception {
        String ts = Instant.now().toString();
        String body = "[{\"eventId\":\"mn-" + i + "-c\",\"type\":\"click\",\"userId\":\"" + user + "\",\"videoId\":\"" + video
                + "\",\"timestamp\":\"" + ts + "\"},{\"eventId\":\"mn-" + i + "-v\",\"type\":\"view\",\"userId\":\"" + user
                + "\",\"videoId\":\"" + video + "\",\"watchSeconds\":180,\"timestamp\":\"" + ts + "\"}]";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/v1/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition c, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!c.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
