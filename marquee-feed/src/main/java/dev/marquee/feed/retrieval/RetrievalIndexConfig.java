package dev.marquee.feed.retrieval;

import dev.marquee.ann.IndexConfig;
import dev.marquee.ann.IvfSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the retrieval indexes, defaults in one place. The dimension of both index configs is taken
 * from the model at build time.
 *
 * @param items         the two-tower item index (default: {@link IndexConfig#defaults()}: HNSW ef 1600, IVF
 *                      {@link IvfSettings#defaults()})
 * @param content       the content index (default: HNSW ef 100, IVF with 32 probes and a 500-deep re-rank: its
 *                      queries ask for ≤ 200)
 * @param retireAfter   how long a replaced generation stays open for searches already running on it (default 10 s)
 * @param ivfFromVideos catalogue size from which both indexes are IVF ({@code dev.marquee.ann.IvfIndex}: trains in
 *                      seconds, top-500 in ~1 ms at 1M) instead of HNSW (a 1M graph takes tens of minutes to build
 *                      and needs ef 1600 for top-500); default 20,000 (at 50k clustered vectors, top-500: IVF recall 0.9998 at p50
 *                      0.72 ms, HNSW ef 1600 recall 0.984 at p50 10.6 ms, exact scan 3.4 ms — same JMH run). {@code Integer.MAX_VALUE} = always HNSW,
 *                      0 = always IVF
 */
public record RetrievalIndexConfig(IndexConfig items, IndexConfig content, Duration retireAfter, int ivfFromVideos) {
    /** Catalogues at least this large get IVF indexes by default. */
    public static final int DEFAULT_IVF_FROM_VIDEOS = 20_000;

    public RetrievalIndexConfig {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(retireAfter, "retireAfter");
        if (retireAfter.isNegative()) {
            throw new IllegalArgumentException("retireAfter must be >= 0, got " + retireAfter);
        }
        if (ivfFromVideos < 0) {
            throw new IllegalArgumentException("ivfFromVideos must be >= 0, got " + ivfFromVideos);
        }
    }

    /** The form without an index-kind choice: IVF from {@value #DEFAULT_IVF_FROM_VIDEOS} videos. */
    public RetrievalIndexConfig(IndexConfig items, IndexConfig content, Duration retireAfter) {
        this(items, content, retireAfter, DEFAULT_IVF_FROM_VIDEOS);
    }

    public static RetrievalIndexConfig defaults() {
        IndexConfig content = IndexConfig.defaults().withEfSearch(100)
                .withIvf(IvfSettings.defaults().withProbes(32).withRerankDepth(500));
        return new RetrievalIndexConfig(IndexConfig.defaults(), content, Duration.ofSeconds(10));
    }

    /** True when a catalogue of {@code videos} is indexed with IVF rather than HNSW. */
    public boolean usesIvf(int videos) {
        return videos >= ivfFromVideos;
    }

    public RetrievalIndexConfig withIvfFromVideos(int value) {
        return new RetrievalIndexConfig(items, content, retireAfter, value);
    }
}
