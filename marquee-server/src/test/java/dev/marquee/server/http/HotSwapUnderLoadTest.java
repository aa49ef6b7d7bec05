package dev.marquee.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.server.TrainingRun;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch loop end to end inside a serving process: a scheduled-style training run trains, registers and
 * promotes models while clients keep requesting feeds; the registry watchers hot-swap them. Every request must
 * succeed, and the feeds after the swap must name the new versions. Latency is printed, not asserted.
 */
class HotSwapUnderLoadTest {
    @TempDir
    Path root;

    @Test
    void trainPromoteAndHotSwap_whileServing_failsNoRequest() throws Exception {
        try (ServerHarness server = new ServerHarness(root)) {
            String before = ServerHarness.json(server.get("/v1/feed/u000001?limit=10")).get("modelVersion").asText();
            List<String> users = List.of("u000001", "u000002", "u000003", "u000010", "u000100", "new-user-x");
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> versions = new ConcurrentLinkedQueue<>();
            Histogram latency = new Histogram(60_000_000L, 3);
            AtomicBoolean stop = new AtomicBoolean();
            int clients = 4;
            CountDownLatch done = new CountDownLatch(clients);
            for (int c = 0; c < clients; c++) {
                int id = c;
                Thread.ofVirtual().start(() -> {
                    try {
                        for (int i = 0; !stop.get(); i++) {
                            String user = users.get((id + i) % users.size());
                            long t0 = System.nanoTime();
                            HttpResponse<String> r = server.http.send(HttpRequest.newBuilder(
                                    server.uri("/v1/feed/" + user + "?limit=20")).GET().build(), HttpResponse.BodyHandlers.ofString());
                            synchronized (latency) {
                                latency.recordValue(Math.min((System.nanoTime() - t0) / 1000, 59_999_999L));
                            }
                            statuses.merge(r.statusCode(), 1, Integer::sum);
                            if (r.statusCode() == 200) {
                                versions.add(ServerHarness.json(r).get("modelVersion").asText());
                            }
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                        }
                    } catch (Exception e) {
                        statuses.merge(-1, 1, Integer::sum);
                    } finally {
                        done.countDown();
                    }
                });
            }

            TrainingRun.Outcome outcome = server.wiring.retrainer().runNow().get(8, TimeUnit.MINUTES);
            assertThat(outcome.anyPromoted()).as("gate decisions %s", outcome.decisions()).isTrue();
            assertThat(outcome.dataset()).isPresent();
            assertThat(Files.size(outcome.dataset().get().parquet())).isPositive();
            assertThat(server.wiring.retrainer().trainedThrough()).isEqualTo(outcome.eventLogTo());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String after = before;
            while (!(after.contains("two-tower:v0") && after.contains("ranker-student:v0")) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                after = ServerHarness.json(server.get("/v1/feed/u000001?limit=10")).get("modelVersion").asText();
            }
            // a little more traffic on the new models
            long more = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < more) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            stop.set(true);
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(after).as("model label after the swap").isNotEqualTo(before)
                    .contains("two-tower:v0").contains("ranker-student:v0");
            assertThat(statuses).as("HTTP statuses seen during training and swap").containsOnlyKeys(200);
            assertThat(versions).contains(before, after);
            System.out.printf("hot swap under load: %d feeds, p50 %.1f ms, p99 %.1f ms, max %.1f ms; %s -> %s%n",
                    latency.getTotalCount(), latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, before, after);
        }
    }
}
