package dev.marquee.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.events.FileEventLog;
import dev.marquee.features.redis.RedisServerProcess;
import dev.marquee.server.BackendSpec;
import dev.marquee.server.DataDir;
import dev.marquee.server.Main;
import dev.marquee.server.NodeBackends;
import dev.marquee.server.ServeConfig;
import dev.marquee.server.Wiring;
import dev.marquee.server.http.AdmissionLimits;
import dev.marquee.server.http.ApiProtection;
import dev.marquee.server.http.ApiToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis (the shared feature store) hangs mid-load: feeds keep coming (non-empty, marked degraded in explain and
 * in /metrics), and full quality returns within 5 s of Redis answering again, without a restart. Redis is frozen
 * with SIGSTOP, the nastiest failure for a client (connections open, nothing answers); its data survives.
 */
class RedisOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void redisFrozen_feedsKeepComing_degraded_thenRecoverWithoutRestart() throws Exception {
        Path data = tmp.resolve("node");
        assertThat(Main.run("generate", "--data", data.toString(), "--videos", "500", "--users", "200", "--days", "1",
                "--seed", "4")).isZero();
        long end;
        try (FileEventLog log = FileEventLog.open(data.resolve("events"))) {
            end = log.endOffset() - 1;
        }
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort()) {
            ServeConfig cfg = ServeConfig.defaults(new DataDir(data), 0).withListen("127.0.0.1", 0)
                    .withDeadline(Duration.ofMillis(1000), Duration.ofMillis(800))
                    .withProtection(new ApiProtection(ApiToken.of("outage-token-0123456789"), false, false, AdmissionLimits.defaults()))
                    .withBackends(new NodeBackends(new BackendSpec.FileLog(),
                            new BackendSpec.RedisStore("127.0.0.1", redis.port(), "outage"), true));
            try (Wiring node = Wiring.start(cfg, o -> { })) {
                // Redis starts empty: the local updater fills it and the index follows the upserts (encoding titles)
                waitFor(() -> get(node, "/v1/status").get("appliedOffset").asLong() >= end, Duration.ofSeconds(120));
                waitFor(() -> get(node, "/v1/feed/u000003?limit=20").get("items").size() >= 20, Duration.ofSeconds(180));
                JsonNode healthy = get(node, "/v1/feed/u000003?limit=20&explain=true");
                assertThat(healthy.get("items").size()).as(healthy.toString()).isPositive();
                assertThat(healthy.get("degraded").has("feature-store")).isFalse();

                Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
                AtomicInteger emptyFeeds = new AtomicInteger();
                Histogram outageLatency = new Histogram(60_000_000L, 3);
                AtomicBoolean outage = new AtomicBoolean();
                AtomicBoolean stop = new AtomicBoolean();
                CountDownLatch done = new CountDownLatch(3);
                for (int c = 0; c < 3; c++) {
                    int id = c;
                    Thread.ofVirtual().start(() -> {
                        try {
                            for (int i = 0; !stop.get(); i++) {
                                long t0 = System.nanoTime();
                                HttpResponse<String> r = send(node, "/v1/feed/u" + String.format("%06d", 1 + (id * 31 + i) % 200) + "?limit=20");
                                statuses.merge(r.statusCode(), 1, Integer::sum);
                                if (r.statusCode() == 200 && JSON.readTree(r.body()).get("items").isEmpty()) {
                                    emptyFeeds.incrementAndGet();
                                }
                                if (outage.get()) {
                                    synchronized (outageLatency) {
                                        outageLatency.recordValue(Math.min((System.nanoTime() - t0) / 1000, 59_999_999L));
                                    }
                                }
                                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                            }
                        } catch (Exception e) {
                            statuses.merge(-1, 1, Integer::sum);
                        } finally {
                            done.countDown();
                        }
                    });
                }
                pause(Duration.ofMillis(500));
                redis.pause();
                outage.set(true);
                pause(Duration.ofSeconds(3));
                JsonNode degraded = get(node, "/v1/feed/u000003?limit=20&explain=true");
                assertThat(degraded.get("items").size()).as("a feed during the outage").isPositive();
                assertThat(degraded.get("degraded").get("feature-store").asText()).contains("unavailable");
                assertThat(send(node, "/metrics").body()).contains("marquee_features_store_up 0.0");

                redis.resume();
                outage.set(false);
                long back = System.nanoTime();
                waitFor(() -> !get(node, "/v1/feed/u000003?limit=20&explain=true").get("degraded").has("feature-store"),
                        Duration.ofSeconds(5));
                double recoveryMs = (System.nanoTime() - back) / 1e6;
                stop.set(true);
                assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(statuses).as("statuses during the outage").containsOnlyKeys(200);
                assertThat(emptyFeeds.get()).as("empty feeds").isZero();
                assertThat(send(node, "/metrics").body()).contains("marquee_features_store_up 1.0");
                System.out.printf("redis outage: %d feeds during the freeze, p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                                + "full quality %.0f ms after Redis answered again%n", outageLatency.getTotalCount(),
                        outageLatency.getValueAtPercentile(50) / 1000.0, outageLatency.getValueAtPercentile(99) / 1000.0,
                        outageLatency.getMaxValue() / 1000.0, recoveryMs);
            }
        }
    }

    private HttpResponse<String> send(Wiring node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(Wiring node, String path) throws Exception {
        HttpResponse<String> r = send(node, path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static void pause(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition c, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!c.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
