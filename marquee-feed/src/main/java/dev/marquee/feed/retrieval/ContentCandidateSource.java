package dev.marquee.feed.retrieval;

import dev.marquee.ann.Neighbours;
import dev.marquee.ann.VectorSearcher;
import dev.marquee.core.Candidate;
import dev.marquee.core.CandidateSource;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.UserFeatures;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Content-based neighbours of what the user just watched, which reach fresh and long-tail videos that
 * collaborative signals cannot see yet. The content space is the two-tower item tower's content-only path
 * (title/tag text, creator and category, no video id: trained with id dropout for exactly this cold-start
 * use, Yi et al. RecSys 2019), in its own index. Queries: the recency-weighted mean of the newest
 * {@link RetrievalConfig#contentSeeds()} long views, plus the newest {@link RetrievalConfig#contentSeedSearches()}
 * of them one by one (a user's latest interest should not be averaged away). A video scores its best
 * similarity over the queries, per-seed similarities scaled by the seed's relative recency.
 */
public final class ContentCandidateSource implements CandidateSource {
    public static final ComponentId ID = ComponentId.of("content");

    private final RetrievalIndexes indexes;
    private final RetrievalConfig config;
    private final ContentNeighbourCache cache;

    /** Uses the process-wide cache of {@code indexes}. */
    public ContentCandidateSource(RetrievalIndexes indexes, RetrievalConfig config) {
        this(indexes, config, indexes.contentCache());
    }

    public ContentCandidateSource(RetrievalIndexes indexes, RetrievalConfig config, ContentNeighbourCache cache) {
        this.indexes = Objects.requireNonNull(indexes, "indexes");
        this.config = Objects.requireNonNull(config, "config");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public List<Candidate> fetch(FeedQuery query) {
        Optional<IndexGeneration> generation = indexes.current();
        UserFeatures user = query.features().get(FeedFeatures.USER);
        int[] seeds = user.recentLongViews();
        int n = Math.min(seeds.length, config.contentSeeds());
        if (generation.isEmpty() || n == 0) {
            return List.of();
        }
        IndexGeneration g = generation.get();
        long now = query.nowMillis();
        SeedVectors vectors = seedVectors(g, seeds, n, now);
        if (vectors.size() == 0) {
            return List.of();
        }
        int d = vectors.dimension();
        long[] times = user.recentLongViewTimes();
        double[] weights = new double[vectors.size()];
        double maxWeight = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = config.seedWeight(now - times[vectors.seeds()[i]]);
            maxWeight = Math.max(maxWeight, weights[i]);
        }
        IntPredicate eligible = Eligibility.of(indexes.catalogue(), user, config.excludeWatched());
        IntPredicate notSeed = video -> !isSeed(video, seeds, n) && eligible.test(video);
        Int2DoubleOpenHashMap scores = new Int2DoubleOpenHashMap(2 * config.contentK());
        float[] centroid = centroid(vectors, weights, d);
        if (centroid != null) {
            int k = n + Eligibility.overfetch(user, config.contentK(), config.excludeWatched());
            int depth = config.contentSeeds() + 2 * config.contentK();
            Neighbours found = cache.setNeighbours(g, seeds, times, n, k, depth, now,
                    () -> g.content().search(centroid, depth, VectorSearcher.ACCEPT_ALL));
            collect(found, k, notSeed, 1.0, scores);
        }
        int perSeedK = Math.max(1, config.contentK() / Math.max(1, config.contentSeedSearches()));
        int perSeedDepth = config.contentSeeds() + 2 * perSeedK;
        for (int i = 0; i < Math.min(config.contentSeedSearches(), vectors.size()); i++) {
            int row = i;
            int k = n + Eligibility.overfetch(user, perSeedK, config.excludeWatched());
            Neighbours found = cache.seedNeighbours(g, seeds[vectors.seeds()[i]], k, perSeedDepth, now,
                    () -> g.content().search(Arrays.copyOfRange(vectors.vectors(), row * d, (row + 1) * d),
                            perSeedDepth, VectorSearcher.ACCEPT_ALL));
            collect(found, k, notSeed, maxWeight > 0 ? weights[i] / maxWeight : 1.0, scores);
        }
        int[] videos = new int[scores.size()];
        double[] values = new double[videos.length];
        int m = 0;
        for (Int2DoubleMap.Entry e : scores.int2DoubleEntrySet()) {
            videos[m] = e.getIntKey();
            values[m++] = e.getDoubleValue();
        }
        return ScoredCandidates.top(videos, values, m, config.contentK(), ID.name());
    }

    /**
     * The seeds' content vectors, from the cache where fresh; the rest computed in one item-tower batch and cached
     * (a seed without a vector is cached as such).
     */
    private SeedVectors seedVectors(IndexGeneration g, int[] seeds, int n, long now) {
        float[][] rows = new float[n][];
        int[] missing = new int[n];
        int[] missingAt = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            rows[i] = cache.vector(g, seeds[i], now);
            if (rows[i] == null) {
                missing[m] = seeds[i];
                missingAt[m++] = i;
            }
        }
        if (m > 0) {
            SeedVectors computed = indexes.contentVectors(g, missing, m);
            int dim = computed.dimension();
            for (int r = 0; r < computed.size(); r++) {
                int p = computed.seeds()[r];
                rows[missingAt[p]] = Arrays.copyOfRange(computed.vectors(), r * dim, (r + 1) * dim);
            }
            for (int p = 0; p < m; p++) {
                cache.putVector(g, missing[p], rows[missingAt[p]], now); // null: cached as "no vector"
            }
        }
        int[] positions = new int[n];
        int size = 0;
        int dim = 1;
        for (int i = 0; i < n; i++) {
            if (rows[i] != null && !ContentNeighbourCache.isNoVector(rows[i])) {
                positions[size] = i;
                rows[size++] = rows[i];
                dim = rows[i].length;
            }
        }
        if (size == 0) {
            return SeedVectors.EMPTY;
        }
        float[] out = new float[size * dim];
        for (int r = 0; r < size; r++) {
            System.arraycopy(rows[r], 0, out, r * dim, dim);
        }
        return new SeedVectors(Arrays.copyOf(positions, size), out, dim);
    }

    /** Folds the best {@code k} of {@code found} (best first) into {@code scores}, keeping each video's best. */
    private static void collect(Neighbours found, int k, IntPredicate eligible, double scale,
                                Int2DoubleOpenHashMap scores) {
        for (int i = 0; i < Math.min(k, found.size()); i++) {
            double s = found.score(i) * scale;
            int video = found.id(i);
            if (!eligible.test(video)) {
                continue;
            }
            if (!scores.containsKey(video) || s > scores.get(video)) {
                scores.put(video, s);
            }
        }
    }

    /** Weighted mean of the rows, L2-normalised; null when it cancels out. */
    private static float[] centroid(SeedVectors vectors, double[] weights, int d) {
        float[] c = new float[d];
        for (int i = 0; i < vectors.size(); i++) {
            for (int k = 0; k < d; k++) {
                c[k] += (float) (weights[i] * vectors.vectors()[i * d + k]);
            }
        }
        double norm = 0;
        for (float x : c) {
            norm += x * x;
        }
        if (!(norm > 1e-12)) {
            return null;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < d; k++) {
            c[k] *= inv;
        }
        return c;
    }

    private static boolean isSeed(int video, int[] seeds, int n) {
        for (int i = 0; i < n; i++) {
            if (seeds[i] == video) {
                return true;
            }
        }
        return false;
    }
}
