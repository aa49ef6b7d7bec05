package dev.marquee.server.load;

import java.net.URI;
import java.time.Duration;

/**
 * One load run's settings.
 *
 * @param base        server base URL, e.g. {@code http://127.0.0.1:8080}
 * @param rate        arrivals per second (feeds + event posts together)
 * @param duration    measured window
 * @param warmup      un-measured run at the same rate before the window (JIT, caches, connections)
 * @param users       distinct users to sample from the server (Zipf over them)
 * @param eventsRatio share of arrivals that are event posts, in [0, 1]
 * @param batchSize   events per post
 * @param zipfExponent power-law exponent of user activity (1.0 ≈ real-world activity skew)
 * @param token       bearer token sent on every request, or null
 * @param timeout     per-request timeout; a request past it counts as an error, never as dropped
 * @param seed        seed of user and behaviour sampling
 */
public record LoadConfig(URI base, double rate, Duration duration, Duration warmup, int users, double eventsRatio,
                         int batchSize, double zipfExponent, String token, Duration timeout, long seed) {
    public LoadConfig {
        if (base == null || base.getScheme() == null || !base.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("--url must be an http(s) URL like http://127.0.0.1:8080, got " + base);
        }
        if (!(rate > 0) || rate > 1_000_000) {
            throw new IllegalArgumentException("--rate must be in (0, 1000000] requests/s, got " + rate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive, got " + duration);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must be ≥ 0, got " + warmup);
        }
        if (users < 1 || users > 1_000_000) {
            throw new IllegalArgumentException("--users must be in [1, 1000000], got " + users);
        }
        if (!(eventsRatio >= 0 && eventsRatio <= 1)) {
            throw new IllegalArgumentException("--events-ratio must be in [0, 1], got " + eventsRatio);
        }
        if (batchSize < 1 || batchSize > 5_000) {
            throw new IllegalArgumentException("--batch must be in [1, 5000], got " + batchSize);
        }
        if (!(zipfExponent > 0) || zipfExponent > 5) {
            throw new IllegalArgumentException("--zipf must be in (0, 5], got " + zipfExponent);
        }
        String path = base.getPath() == null ? "" : base.getPath();
        if (path.endsWith("/")) {
            base = URI.create(base.toString().substring(0, base.toString().length() - 1));
        }
    }

    /** Defaults for everything but the target, rate and window. */
    public static LoadConfig of(URI base, double rate, Duration duration) {
        return new LoadConfig(base, rate, duration, Duration.ofSeconds(5), 1_000, 0.1, 50, 1.0, null,
                Duration.ofSeconds(10), 42);
    }

    public LoadConfig withWarmup(Duration w) {
        return new LoadConfig(base, rate, duration, w, users, eventsRatio, batchSize, zipfExponent, token, timeout, seed);
    }

    public LoadConfig withMix(int newUsers, double newEventsRatio, int newBatchSize) {
        return new LoadConfig(base, rate, duration, warmup, newUsers, newEventsRatio, newBatchSize, zipfExponent, token,
                timeout, seed);
    }

    public LoadConfig withToken(String newToken) {
        return new LoadConfig(base, rate, duration, warmup, users, eventsRatio, batchSize, zipfExponent, newToken,
                timeout, seed);
    }

    URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }
}
