package dev.marquee.server.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * Fires one phase on a fixed arrival schedule: arrival i is due at {@code start + i / rate}; the single
 * scheduling thread parks until then, draws the request (Zipf user, or an event batch) and hands it to a fresh
 * virtual thread, never waiting for replies. Each latency runs from the due time, not from the actual send, so
 * a server stall (or a late scheduler) is charged to latency rather than hidden (coordinated omission).
 */
final class OpenLoopDriver {
    static final int FEED_LIMIT = 20;
    private final LoadClient client;
    private final LoadConfig config;
    private final List<String> users;
    private final ZipfSampler zipf;
    private final ServedVideos served;
    private final EventBatchBuilder batches;

    OpenLoopDriver(LoadClient client, LoadConfig config, List<String> users, ServedVideos served) {
        this.client = client;
        this.config = config;
        this.users = users;
        this.zipf = new ZipfSampler(users.size(), config.zipfExponent());
        this.served = served;
        this.batches = new EventBatchBuilder(served, config.seed());
    }

    /** Phase result: arrivals fired, the wall time from first due time to last reply, the worst send lag. */
    record Phase(long arrivals, double seconds, double maxSendLagMs) {
    }

    /** Runs {@code seconds} of arrivals and returns after every reply (or timeout) came back. */
    Phase run(double seconds, EndpointStats feed, EndpointStats events, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long total = Math.round(config.rate() * seconds);
        double periodNanos = 1e9 / config.rate();
        long maxLag = 0;
        long start = System.nanoTime() + 1_000_000;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + (long) (i * periodNanos);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                long lag = System.nanoTime() - due;
                maxLag = Math.max(maxLag, lag);
                if (random.nextDouble() < config.eventsRatio()) {
                    SplittableRandom own = random.split();
                    pool.execute(() -> postEvents(due, own, events));
                } else {
                    String user = users.get(zipf.next(random));
                    pool.execute(() -> getFeed(due, user, feed));
                }
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new Phase(total, wall, maxLag / 1e6);
    }

    private void getFeed(long due, String user, EndpointStats stats) {
        LoadClient.Reply r = client.get("/v1/feed/" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "?limit=" + FEED_LIMIT);
        long latency = System.nanoTime() - due;
        int items = r.ok() ? served.addFromFeed(user, r.body(), FEED_LIMIT) : 0;
        stats.record(latency, r.status(), items);
    }

    private void postEvents(long due, SplittableRandom random, EndpointStats stats) {
        String body = batches.build(config.batchSize(), random);
        if (body == null) {
            stats.record(System.nanoTime() - due, LoadClient.IO_ERROR, 0);
            return;
        }
        LoadClient.Reply r = client.post("/v1/events", body);
        long latency = System.nanoTime() - due;
        stats.record(latency, r.status(), r.ok() ? accepted(r.body()) : 0);
    }

    /** The {@code accepted} count of a 202 body, by scan (the body is a small fixed-shape object). */
    static long accepted(String body) {
        int k = body.indexOf("\"accepted\":");
        if (k < 0) {
            return 0;
        }
        int i = k + 11;
        long n = 0;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            n = n * 10 + (body.charAt(i++) - '0');
        }
        return n;
    }
}
