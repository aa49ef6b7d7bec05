package dev.marquee.server.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one open-loop load test against a live server: samples its users, primes the served-video ring with a
 * few feeds, runs the warm-up phase, then the measured window between two {@code /metrics} scrapes.
 */
public final class LoadGenerator {
    private static final String STAGE_PREFIX = "marquee_";

    private LoadGenerator() {
    }

    /** Runs the whole test; throws when the server cannot be reached or has no users. */
    public static LoadReport run(LoadConfig config) {
        try (LoadClient client = new LoadClient(config)) {
            List<String> users = UserPool.fetch(client, config.users());
            ServedVideos served = new ServedVideos(20_000);
            prime(client, config, users, served);
            OpenLoopDriver driver = new OpenLoopDriver(client, config, users, served);
            if (!config.warmup().isZero()) {
                driver.run(seconds(config.warmup()), new EndpointStats("feed"), new EndpointStats("events"),
                        config.seed() + 1);
            }
            PrometheusHistograms before = scrape(client);
            EndpointStats feed = new EndpointStats("feed");
            EndpointStats events = new EndpointStats("events");
            OpenLoopDriver.Phase phase = driver.run(seconds(config.duration()), feed, events, config.seed());
            PrometheusHistograms after = scrape(client);
            List<EndpointReport> endpoints = new ArrayList<>();
            endpoints.add(feed.report(phase.seconds()));
            if (config.eventsRatio() > 0) {
                endpoints.add(events.report(phase.seconds()));
            }
            List<StageTiming> stages = before == null || after == null ? List.of()
                    : PrometheusHistograms.window(before, after);
            return new LoadReport(config.rate(), phase.arrivals(), phase.seconds(), phase.maxSendLagMs(), endpoints,
                    stages);
        }
    }

    private static void prime(LoadClient client, LoadConfig config, List<String> users, ServedVideos served) {
        for (int i = 0; i < Math.min(50, users.size()) && served.isEmpty(); i++) {
            LoadClient.Reply r = client.get("/v1/feed/" + java.net.URLEncoder.encode(users.get(i),
                    java.nio.charset.StandardCharsets.UTF_8) + "?limit=" + OpenLoopDriver.FEED_LIMIT);
            if (r.status() < 0) {
                throw new IllegalStateException("cannot reach " + config.base() + ": " + r.body());
            }
            if (r.ok()) {
                served.addFromFeed(users.get(i), r.body(), OpenLoopDriver.FEED_LIMIT);
            }
        }
        if (served.isEmpty()) {
            throw new IllegalStateException("no feed served any video to the first sampled users; nothing to post events about");
        }
    }

    /** The server's timer histograms, or null when {@code /metrics} is not readable (the report then omits them). */
    private static PrometheusHistograms scrape(LoadClient client) {
        LoadClient.Reply r = client.get("/metrics");
        return r.ok() ? PrometheusHistograms.parse(r.body(), STAGE_PREFIX) : null;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
