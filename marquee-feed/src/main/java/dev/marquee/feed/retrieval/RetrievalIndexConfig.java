package dev.marquee.feed.retrieval;

import dev.marquee.ann.IndexConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the retrieval indexes, defaults in one place. The dimension of both index configs is taken
 * from the model at build time.
 *
 * @param items       the two-tower item index (default: {@link IndexConfig#defaults()}, ef 800 for top-500 recall)
 * @param content     the content index (default: the same with ef 100: its queries ask for ≤ 200)
 * @param retireAfter how long a replaced generation stays open for searches already running on it (default 10 s)
 */
public record RetrievalIndexConfig(IndexConfig items, IndexConfig content, Duration retireAfter) {
    public RetrievalIndexConfig {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(retireAfter, "retireAfter");
        if (retireAfter.isNegative()) {
            throw new IllegalArgumentException("retireAfter must be >= 0, got " + retireAfter);
        }
    }

    public static RetrievalIndexConfig defaults() {
        return new RetrievalIndexConfig(IndexConfig.defaults(), IndexConfig.defaults().withEfSearch(100),
                Duration.ofSeconds(10));
    }
}
