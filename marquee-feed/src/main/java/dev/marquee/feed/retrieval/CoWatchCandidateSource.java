package dev.marquee.feed.retrieval;

import dev.marquee.core.Candidate;
import dev.marquee.core.CandidateSource;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.NeighbourBatch;
import dev.marquee.features.UserFeatures;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * "Users who watched X also watched Y" (item-to-item collaborative filtering, Linden, Smith and York, IEEE
 * Internet Computing 2003; Davidson et al., "The YouTube Video Recommendation System", RecSys 2010): the
 * user's newest {@link RetrievalConfig#coWatchSeeds()} long views are expanded through the co-watch graph.
 * A neighbour scores {@code Σ_seeds recency(seed) · w(seed, y) / max_y' w(seed, y')}: edge strength relative to
 * the seed's strongest edge, so one heavily watched seed cannot drown the others, and newer seeds count more.
 * Seeds themselves and ineligible videos are skipped.
 */
public final class CoWatchCandidateSource implements CandidateSource {
    public static final ComponentId ID = ComponentId.of("co-watch");

    private final FeatureStore store;
    private final VideoCatalogue catalogue;
    private final RetrievalConfig config;

    public CoWatchCandidateSource(FeatureStore store, VideoCatalogue catalogue, RetrievalConfig config) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public List<Candidate> fetch(FeedQuery query) {
        UserFeatures user = query.features().get(FeedFeatures.USER);
        int[] seeds = user.recentLongViews();
        int n = Math.min(seeds.length, config.coWatchSeeds());
        if (n == 0) {
            return List.of();
        }
        NeighbourBatch batch = new NeighbourBatch(n, config.coWatchPerSeed());
        store.coWatch(seeds, n, config.coWatchPerSeed(), query.nowMillis(), batch);
        IntPredicate eligible = Eligibility.of(catalogue, user, config.excludeWatched());
        Int2DoubleOpenHashMap scores = new Int2DoubleOpenHashMap(n * 16);
        long[] times = user.recentLongViewTimes();
        for (int s = 0; s < batch.seedCount(); s++) {
            int count = batch.count(s);
            if (count == 0) {
                continue;
            }
            double strongest = batch.weight(s, 0);
            if (!(strongest > 0)) {
                continue;
            }
            double recency = config.seedWeight(query.nowMillis() - times[s]);
            for (int j = 0; j < count; j++) {
                int video = batch.neighbour(s, j);
                if (isSeed(video, seeds, n) || !eligible.test(video)) {
                    continue;
                }
                scores.addTo(video, recency * batch.weight(s, j) / strongest);
            }
        }
        int[] videos = new int[scores.size()];
        double[] values = new double[videos.length];
        int i = 0;
        for (Int2DoubleMap.Entry e : scores.int2DoubleEntrySet()) {
            videos[i] = e.getIntKey();
            values[i++] = e.getDoubleValue();
        }
        return ScoredCandidates.top(videos, values, i, config.coWatchK(), ID.name());
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
