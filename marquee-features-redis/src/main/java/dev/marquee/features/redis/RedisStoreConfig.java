package dev.marquee.features.redis;

import dev.marquee.features.FeatureStoreConfig;
import java.time.Duration;

/**
 * Where and how a {@link RedisFeatureStore} keeps its state. Every node that shares one store must use the same
 * {@code keyPrefix} and {@code features} (half-lives and bounds are baked into the stored values and scripts).
 *
 * @param host                     Redis host
 * @param port                     Redis port
 * @param keyPrefix                prefix of every key (isolates stores sharing one Redis; non-empty, no spaces)
 * @param writerId                 name of the input stream this store instance applies (one per Kafka partition,
 *                                 e.g. "events-3"): its applied offset and event-id claims live under this
 *                                 name, so whichever process takes the partition over (restart, rebalance)
 *                                 resumes it; a process owning several partitions uses one instance each
 * @param eventIdTtl               how long an applied interaction's event id is remembered for dedupe
 * @param userTtl                  a user's state expires after this long without a write (stale users)
 * @param dictionaryRefreshMillis  minimum interval between dictionary length checks made by the accessors
 *                                 ({@code videos()} etc.); misses on dense ids always check at once
 * @param maxEventsPerTransaction  events per MULTI/EXEC (bounds how long one write blocks readers)
 * @param timeoutMillis            connect and socket timeout: a down Redis fails a call within about this
 * @param features                 the feature definitions shared with the in-memory store
 */
public record RedisStoreConfig(String host, int port, String keyPrefix, String writerId, Duration eventIdTtl,
                               Duration userTtl, long dictionaryRefreshMillis, int maxEventsPerTransaction,
                               int timeoutMillis, FeatureStoreConfig features) {
    public RedisStoreConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Redis host must be set");
        }
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("Redis port must be in [1, 65535], got " + port);
        }
        if (keyPrefix == null || keyPrefix.isEmpty() || keyPrefix.chars().anyMatch(Character::isWhitespace)
                || keyPrefix.contains("'") || keyPrefix.contains("\\")) {
            throw new IllegalArgumentException("keyPrefix must be non-empty without whitespace, quotes or backslashes, got '" + keyPrefix + "'");
        }
        if (writerId == null || writerId.isEmpty()) {
            throw new IllegalArgumentException("writerId must be non-empty");
        }
        if (eventIdTtl == null || eventIdTtl.toSeconds() < 1 || userTtl == null || userTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("eventIdTtl and userTtl must be at least 1 s, got " + eventIdTtl + " / " + userTtl);
        }
        if (dictionaryRefreshMillis < 0) {
            throw new IllegalArgumentException("dictionaryRefreshMillis must be >= 0, got " + dictionaryRefreshMillis);
        }
        if (maxEventsPerTransaction <= 0 || timeoutMillis <= 0) {
            throw new IllegalArgumentException("maxEventsPerTransaction and timeoutMillis must be positive, got "
                    + maxEventsPerTransaction + " / " + timeoutMillis);
        }
        if (features == null) {
            throw new IllegalArgumentException("features config must be set");
        }
    }

    /** Defaults: prefix "mq:", writer "w0", event ids kept 24 h, users 90 days, 100 ms refresh, 256 events, 1 s. */
    public static RedisStoreConfig defaults(String host, int port) {
        return new RedisStoreConfig(host, port, "mq:", "w0", Duration.ofHours(24), Duration.ofDays(90), 100, 256,
                1_000, FeatureStoreConfig.defaults());
    }

    public RedisStoreConfig withKeyPrefix(String prefix) {
        return new RedisStoreConfig(host, port, prefix, writerId, eventIdTtl, userTtl, dictionaryRefreshMillis,
                maxEventsPerTransaction, timeoutMillis, features);
    }

    public RedisStoreConfig withWriterId(String id) {
        return new RedisStoreConfig(host, port, keyPrefix, id, eventIdTtl, userTtl, dictionaryRefreshMillis,
                maxEventsPerTransaction, timeoutMillis, features);
    }

    public RedisStoreConfig withDictionaryRefreshMillis(long millis) {
        return new RedisStoreConfig(host, port, keyPrefix, writerId, eventIdTtl, userTtl, millis,
                maxEventsPerTransaction, timeoutMillis, features);
    }

    public RedisStoreConfig withFeatures(FeatureStoreConfig f) {
        return new RedisStoreConfig(host, port, keyPrefix, writerId, eventIdTtl, userTtl, dictionaryRefreshMillis,
                maxEventsPerTransaction, timeoutMillis, f);
    }
}
