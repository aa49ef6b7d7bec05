package dev.marquee.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.LogRecord;
import dev.marquee.events.kafka.KafkaEventLog;
import dev.marquee.events.kafka.KafkaLogConfig;
import dev.marquee.server.BackendSpec;
import dev.marquee.server.DataDir;
import dev.marquee.server.Main;
import dev.marquee.server.NodeBackends;
import dev.marquee.server.ServeConfig;
import dev.marquee.server.Wiring;
import dev.marquee.server.http.AdmissionLimits;
import dev.marquee.server.http.ApiProtection;
import dev.marquee.server.http.ApiToken;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker (a child JVM running `marquee dev-kafka`) freezes (SIGSTOP) while a serving node takes events:
 * `POST /v1/events` answers 503 with Retry-After — never 202 for an event Kafka did not acknowledge — feeds keep
 * being served, and ingestion resumes once the broker answers again (SIGCONT). Every event that got a 202 is in
 * the topic exactly once afterwards.
 */
class KafkaOutageTest {
    private static final String TOKEN = "kafka-outage-token-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void brokerFrozen_eventsAre503_feedsContinue_ingestionResumes() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process broker = startBroker(port);
        try {
            var kafka = new BackendSpec.KafkaLog("localhost:" + port, "events", 1);
            ServeConfig cfg = ServeConfig.defaults(new DataDir(tmp.resolve("node")), 0).withListen("127.0.0.1", 0)
                    .withProtection(new ApiProtection(ApiToken.of(TOKEN), false, false, AdmissionLimits.defaults()))
                    .withBackends(new NodeBackends(kafka, new BackendSpec.MemoryStore(), true));
            List<String> acknowledged = new ArrayList<>();
            try (Wiring node = Wiring.start(cfg, o -> { })) {
                for (int i = 0; i < 5; i++) {
                    assertThat(post(node, "before-" + i).statusCode()).isEqualTo(202);
                    acknowledged.add("before-" + i);
                }

                signal(broker, "-STOP");
                HttpResponse<String> refused = post(node, "during-0");
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                HttpResponse<String> feed = http.send(HttpRequest.newBuilder(uri(node, "/v1/feed/kafka-user-1?limit=10"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(feed.statusCode()).as("feed while the broker is down").isEqualTo(200);

                signal(broker, "-CONT");
                long back = System.nanoTime();
                int status = 0;
                for (int attempt = 0; status != 202 && System.nanoTime() - back < TimeUnit.SECONDS.toNanos(90); attempt++) {
                    status = post(node, "after-" + attempt).statusCode();
                    if (status == 202) {
                        acknowledged.add("after-" + attempt);
                    } else {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
                    }
                }
                assertThat(status).as("ingestion resumes after the broker is back").isEqualTo(202);
                System.out.printf("kafka outage: 503 with Retry-After while frozen; ingestion back %.1f s after SIGCONT%n",
                        (System.nanoTime() - back) / 1e9);
            }
            Map<String, Integer> stored = new HashMap<>();
            try (KafkaEventLog log = KafkaEventLog.open(KafkaLogConfig.of(kafka.bootstrapServers(), kafka.topic()))) {
                for (LogRecord r : log.read(0, 10_000)) {
                    stored.merge(r.event().eventId(), 1, Integer::sum);
                }
            }
            for (String id : acknowledged) {
                assertThat(stored.get(id + "-click")).as("copies of acknowledged %s in the topic", id).isEqualTo(1);
            }
        } finally {
            broker.destroyForcibly();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process startBroker(int port) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "dev-kafka", "--port", Integer.toString(port)).redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        List<String> output = new ArrayList<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.contains("bootstrap servers")) {
                        ready.complete(null);
                    }
                }
            } catch (Exception e) {
                // the broker died; the future below reports it
            }
            ready.completeExceptionally(new IllegalStateException("dev-kafka exited: " + output));
        });
        ready.get(120, TimeUnit.SECONDS);
        return p;
    }

    private static void signal(Process p, String sig) throws Exception {
        assertThat(new ProcessBuilder("kill", sig, Long.toString(p.pid())).start().waitFor()).isZero();
    }

    private URI uri(Wiring node, String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }

    private HttpResponse<String> post(Wiring node, String id) throws Exception {
        String body = "[{\"eventId\":\"" + id + "-click\",\"type\":\"click\",\"userId\":\"kafka-user-1\",\"videoId\":\"v-" + id
                + "\",\"timestamp\":\"" + Instant.now() + "\"}]";
        return http.send(HttpRequest.newBuilder(uri(node, "/v1/events")).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
