package dev.marquee.feed.retrieval;

import dev.marquee.core.Candidate;
import dev.marquee.core.CandidateSource;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.TopN;
import dev.marquee.features.UserFeatures;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.util.List;
import java.util.Objects;

/**
 * What is taking off now: global trending (long views per hour, 1 h half-life, from the store) merged with
 * trending inside the user's top categories, whose scores are multiplied by
 * {@code 1 + categoryBoost · share(category)} so a user mostly into chess sees trending chess above equally
 * hot football. A video in both lists keeps its higher score. Users without affinities get global trending.
 */
public final class TrendingCandidateSource implements CandidateSource {
    public static final ComponentId ID = ComponentId.of("trending");

    private final FeatureStore store;
    private final VideoCatalogue catalogue;
    private final RetrievalConfig config;

    public TrendingCandidateSource(FeatureStore store, VideoCatalogue catalogue, RetrievalConfig config) {
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
        int k = config.trendingK();
        Int2DoubleOpenHashMap scores = new Int2DoubleOpenHashMap(2 * k);
        offer(store.trending(k, query.nowMillis()), 1.0, scores);
        TopCategories top = TopCategories.of(user.categories(), config.topCategories());
        for (int c = 0; c < top.size(); c++) {
            offer(store.trendingInCategory(top.ids()[c], k, query.nowMillis()),
                    1.0 + config.categoryBoost() * top.shares()[c], scores);
        }
        int[] videos = new int[scores.size()];
        double[] values = new double[videos.length];
        int n = 0;
        for (Int2DoubleMap.Entry e : scores.int2DoubleEntrySet()) {
            videos[n] = e.getIntKey();
            values[n++] = e.getDoubleValue();
        }
        return ScoredCandidates.top(videos, values, n, k, ID.name());
    }

    private void offer(TopN list, double boost, Int2DoubleOpenHashMap scores) {
        for (int i = 0; i < list.size(); i++) {
            int video = list.videos()[i];
            double score = list.scores()[i] * boost;
            if (score > 0 && catalogue.contains(video) && score > scores.getOrDefault(video, 0.0)) {
                scores.put(video, score);
            }
        }
    }
}
