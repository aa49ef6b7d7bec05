package dev.marquee.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.FileEventLog;
import dev.marquee.events.LogRecord;
import dev.marquee.features.FeatureSnapshot;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.features.UserFeatures;
import dev.marquee.server.ChildServer;
import dev.marquee.server.DataDir;
import dev.marquee.server.FeatureStoreLoader;
import dev.marquee.server.Replay;
import dev.marquee.server.TrainedWorld;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code marquee serve} (a child JVM) while four clients post events: after a restart on the same
 * data directory every event that got a 202 is in the log exactly once (in-flight batches are retried, as a
 * client would, and deduplicated), the feature store equals a full replay of the log, and the server is ready
 * again (restart-to-ready printed). The token generated on the first start is printed once and reused.
 */
class ServeCrashTest {
    static final int CLIENTS = 4;
    static final int BATCH = 10;
    static final Pattern GENERATED = Pattern.compile("generated API token .*: (\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @Test
    void sigkillWhilePosting_restartKeepsEveryAcknowledgedEventOnce_andFeaturesEqualAFullReplay() throws Exception {
        DataDir dir = TrainedWorld.copyTo(tmp.resolve("data"));
        long logEndBefore;
        try (FileEventLog log = FileEventLog.open(dir.events())) {
            logEndBefore = log.endOffset();
        }
        Set<String> acked = ConcurrentHashMap.newKeySet();
        Map<Integer, List<String>> inFlight = new ConcurrentHashMap<>();
        String token;
        try (ChildServer first = ChildServer.start(dir.root(), Map.of())) {
            Duration coldStart = first.awaitReady(Duration.ofMinutes(3));
            Matcher m = GENERATED.matcher(first.output());
            assertThat(m.find()).as("first start prints the generated token:\n%s", first.output()).isTrue();
            token = m.group(1);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.apiToken()))).isEqualTo("rw-------");
            AtomicInteger batches = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(Thread.ofVirtual().start(() -> postUntilRefused(first, token, client, batches, acked, inFlight)));
            }
            while (batches.get() < 60) {
                LockSupport.parkNanos(5_000_000);
            }
            first.kill();
            for (Thread t : clients) {
                t.join();
            }
            assertThat(inFlight.keySet()).as("clients only stop because the server died: %s", inFlight).allMatch(k -> k >= 0);
            System.out.printf("crash: cold start to ready %d ms; killed after %d acknowledged batches (%d events), "
                    + "%d batches in flight%n", coldStart.toMillis(), batches.get(), acked.size(), inFlight.size());
        }

        try (ChildServer second = ChildServer.start(dir.root(), Map.of())) {
            Duration restart = second.awaitReady(Duration.ofMinutes(3));
            System.out.printf("crash: restart to ready %d ms%n", restart.toMillis());
            assertThat(second.output()).as("the token is printed once, on generation").doesNotContain(token)
                    .contains("API token from " + dir.apiToken());
            HttpClient http = HttpClient.newHttpClient();
            for (List<String> ids : inFlight.values()) { // unknown outcome: a client retries, the log dedupes
                HttpResponse<String> r = http.send(post(second, token, ids), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                acked.addAll(ids);
            }
            assertThat(second.stop()).as("graceful stop writes the final snapshot").isIn(0, 143);
        }

        try (FileEventLog log = FileEventLog.open(dir.events())) {
            Map<String, Integer> counts = new HashMap<>();
            for (long next = logEndBefore; next < log.endOffset(); ) {
                List<LogRecord> part = log.read(next, 5000);
                assertThat(part).as("log readable to its end").isNotEmpty();
                for (LogRecord r : part) {
                    counts.merge(r.event().eventId(), 1, Integer::sum);
                }
                next = part.getLast().offset() + 1;
            }
            Set<String> missing = new java.util.HashSet<>(acked);
            missing.removeAll(counts.keySet());
            assertThat(missing).as("acknowledged events missing after kill -9").isEmpty();
            assertThat(counts.entrySet()).as("no event stored twice").allMatch(e -> e.getValue() == 1);

            InMemoryFeatureStore served = FeatureSnapshot.read(FeatureStoreLoader.snapshotFile(dir), FeatureStoreConfig.defaults());
            InMemoryFeatureStore replayed = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
            Replay.into(replayed, log, o -> { });
            assertThat(served.stats().offset()).isEqualTo(replayed.stats().offset()).isEqualTo(log.endOffset() - 1);
            assertThat(served.stats().users()).isEqualTo(replayed.stats().users());
            assertThat(served.stats().videos()).isEqualTo(replayed.stats().videos());
            assertThat(served.stats().coWatchEdges()).isEqualTo(replayed.stats().coWatchEdges());
            long now = Instant.now().toEpochMilli();
            List<String> users = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                users.add("crash-user-" + c);
            }
            for (int u = 0; u < replayed.users().size(); u += 7) {
                users.add(replayed.users().external(u));
            }
            for (String user : users) {
                assertThat(digest(served, user, now)).as(user).isEqualTo(digest(replayed, user, now));
            }
            System.out.printf("crash: %d acknowledged events present once; store equals a full replay over %d users "
                    + "(offset %d)%n", acked.size(), users.size(), served.stats().offset());
        }
    }

    private static void postUntilRefused(ChildServer server, String token, int client, AtomicInteger batches,
                                         Set<String> acked, Map<Integer, List<String>> inFlight) {
        HttpClient http = HttpClient.newHttpClient();
        for (int b = 0; ; b++) {
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < BATCH; k++) {
                ids.add("crash-" + client + "-" + b + "-" + k);
            }
            inFlight.put(client, ids);
            try {
                HttpResponse<String> r = http.send(post(server, token, ids), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 202) {
                    inFlight.put(-1 - client, List.of("unexpected " + r.statusCode() + " " + r.body()));
                    return;
                }
                acked.addAll(ids);
                inFlight.remove(client);
                batches.incrementAndGet();
            } catch (java.io.IOException killed) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpRequest post(ChildServer server, String token, List<String> ids) {
        StringBuilder body = new StringBuilder("[");
        for (String id : ids) {
            int client = id.charAt(6) - '0';
            body.append(body.length() > 1 ? "," : "").append("{\"eventId\":\"").append(id)
                    .append("\",\"type\":\"view\",\"userId\":\"crash-user-").append(client)
                    .append("\",\"videoId\":\"v").append(Math.floorMod(id.hashCode(), 50))
                    .append("\",\"watchSeconds\":45,\"timestamp\":\"").append(Instant.now()).append("\"}");
        }
        return HttpRequest.newBuilder(server.uri("/v1/events")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())).build();
    }

    /** Everything a feed reads about one user, as comparable text. */
    private static String digest(FeatureStore store, String user, long now) {
        UserFeatures f = store.user(user, now);
        StringBuilder sb = new StringBuilder().append(f.known()).append(f.ageBand()).append(f.country()).append(f.device())
                .append(f.language()).append(f.lastActivityMillis()).append(f.counts())
                .append(Arrays.toString(f.recent().videos())).append(Arrays.toString(f.recent().types()))
                .append(Arrays.toString(f.recent().watchSeconds())).append(Arrays.toString(f.recent().times()))
                .append(Arrays.toString(f.recentLongViews())).append(Arrays.toString(f.recentLongViewTimes()))
                .append(Arrays.toString(f.creators().ids())).append(Arrays.toString(f.creators().scores()))
                .append(Arrays.toString(f.categories().ids())).append(Arrays.toString(f.categories().scores()))
                .append(f.impressionsLast24h().distinctVideos());
        for (int v : f.recentLongViews()) {
            sb.append(f.hasWatched(v) ? 'w' : '-');
        }
        return sb.toString();
    }
}
