package dev.marquee.feed.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marquee.ann.Neighbours;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Content-space answers that do not depend on who asks, kept for a short time: a seed video's content vector,
 * its nearest content neighbours, and the neighbours of a whole seed set's pooled query. The content source's
 * four IVF searches per feed were the largest share of request CPU (31.6% at 250 feeds/s), yet a video's content
 * neighbours are the same for every user who watched it, and a seed set's pooled query is the same until the user
 * long-views something new (seed weights decay exponentially, so their ratios, and the normalised query, do not
 * change with time). Entries are stamped with the {@link IndexGeneration} and the query time they were computed
 * at: an entry of another generation or older than the TTL <em>in query time</em> (so simulations on a simulated
 * clock age entries as served traffic would) is recomputed. The TTL bounds how long a new upload can be missing
 * from cached neighbour lists; the pooled-query and fresh-upload sources see it immediately.
 *
 * <p>Thread-safe; two threads missing the same key both compute it (the last write wins, both answers are right).
 */
public final class ContentNeighbourCache {
    /** Cached answers are dropped after this much query time (default 30 s). */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    /**
     * Default bound on the cached bytes, 16 MiB: ~13k per-seed neighbour lists (≈ 1.2 KB each) or ~5k users' pooled
     * lists (≈ 3.3 KB); a fixed cost beside the serving state (17 B per video at 1M videos when full).
     */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    /** Marks a seed without a content vector (not servable or no stored text), so misses are not retried. */
    private static final float[] NO_VECTOR = new float[0];

    private final long ttlMillis;
    private final Cache<Object, Entry> cache;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public ContentNeighbourCache(Duration ttl, long maxBytes) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be >= 0, got " + ttl);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
        }
        this.ttlMillis = ttl.toMillis();
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Object key, Entry e) -> e.bytes())
                .build();
    }

    public static ContentNeighbourCache defaults() {
        return new ContentNeighbourCache(DEFAULT_TTL, DEFAULT_MAX_BYTES);
    }

    /** A cache that never keeps anything (every lookup computes). */
    public static ContentNeighbourCache disabled() {
        return new ContentNeighbourCache(Duration.ZERO, 0);
    }

    /** The cached content vector of {@code video} under {@code g}: null when not cached, {@link #isNoVector} when it has none. */
    float[] vector(IndexGeneration g, int video, long nowMillis) {
        Entry e = fresh(new VideoKey(VideoKey.VECTOR, video), g, nowMillis);
        if (e == null) {
            return null;
        }
        return (float[]) e.value();
    }

    /** True when {@code video}'s vector under {@code g} is cached and fresh (possibly as "no vector"). */
    boolean hasVector(IndexGeneration g, int video, long nowMillis) {
        return fresh(new VideoKey(VideoKey.VECTOR, video), g, nowMillis) != null;
    }

    static boolean isNoVector(float[] v) {
        return v == NO_VECTOR;
    }

    void putVector(IndexGeneration g, int video, float[] vector, long nowMillis) {
        float[] v = vector == null ? NO_VECTOR : vector;
        put(new VideoKey(VideoKey.VECTOR, video), new Entry(v, g, nowMillis, 48 + 4L * v.length));
    }

    /**
     * The content neighbours of seed {@code video}, best first, at least {@code need} deep when the index has that
     * many; on a miss {@code search} runs, asking for {@code depth} (≥ need, the deepest any caller needs).
     */
    Neighbours seedNeighbours(IndexGeneration g, int video, int need, int depth, long nowMillis,
                              Supplier<Neighbours> search) {
        return neighbours(new VideoKey(VideoKey.NEIGHBOURS, video), g, need, depth, nowMillis, search);
    }

    /** Like {@link #seedNeighbours}, for the pooled query of seeds {@code videos[0..n)} viewed at {@code times[0..n)}. */
    Neighbours setNeighbours(IndexGeneration g, int[] videos, long[] times, int n, int need, int depth,
                             long nowMillis, Supplier<Neighbours> search) {
        SetKey key = new SetKey(Arrays.copyOf(videos, n), Arrays.copyOf(times, n));
        return neighbours(key, g, need, depth, nowMillis, search);
    }

    private Neighbours neighbours(Object key, IndexGeneration g, int need, int depth, long nowMillis,
                                  Supplier<Neighbours> search) {
        Entry e = fresh(key, g, nowMillis);
        if (e != null) {
            Neighbours found = (Neighbours) e.value();
            if (found.size() >= need || e.exhausted()) {
                hits.increment();
                return found;
            }
        }
        misses.increment();
        Neighbours found = search.get();
        put(key, new Entry(found, g, nowMillis, 64 + 8L * found.size(), found.size() < depth));
        return found;
    }

    private Entry fresh(Object key, IndexGeneration g, long nowMillis) {
        Entry e = cache.getIfPresent(key);
        if (e == null || e.generation() != g || nowMillis - e.computedAtMillis() > ttlMillis
                || nowMillis < e.computedAtMillis()) {
            return null;
        }
        return e;
    }

    private void put(Object key, Entry e) {
        if (ttlMillis > 0) {
            cache.put(key, e);
        }
    }

    /** Neighbour lookups answered from the cache. */
    public long hits() {
        return hits.sum();
    }

    /** Neighbour lookups that ran a search. */
    public long misses() {
        return misses.sum();
    }

    /**
     * @param exhausted the search returned fewer than asked: the index has no more, so any depth is answered
     */
    private record Entry(Object value, IndexGeneration generation, long computedAtMillis, long bytesEstimate,
                         boolean exhausted) {
        Entry(Object value, IndexGeneration generation, long computedAtMillis, long bytesEstimate) {
            this(value, generation, computedAtMillis, bytesEstimate, false);
        }

        int bytes() {
            return (int) Math.min(Integer.MAX_VALUE, bytesEstimate + 64);
        }
    }

    private record VideoKey(int kind, int video) {
        static final int VECTOR = 0;
        static final int NEIGHBOURS = 1;
    }

    private record SetKey(int[] videos, long[] times) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SetKey k && Arrays.equals(videos, k.videos) && Arrays.equals(times, k.times);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(videos) + Arrays.hashCode(times);
        }
    }
}
