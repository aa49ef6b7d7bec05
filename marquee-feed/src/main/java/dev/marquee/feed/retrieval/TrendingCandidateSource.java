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
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is taking off now: global trending (long views per hour, 1 h half-life, from the store) merged with
 * trending inside the user's top categories, whose scores are multiplied by
 * {@code 1 + categoryBoost · share(category)} so a user mostly into chess sees trending chess above equally
 * hot football. A video in both lists keeps its higher score. Users without affinities get global trending.
 * The global and per-category lists are shared by every user and reused for {@link #REUSE_MILLIS} of query time
 * (as segment-popular's are): with a 1 h half-life they barely move in a second, while reading them (a top-k
 * selection over the store's sketches, four per request) was 7% of feed CPU at 250 feeds/s.
 */
public final class TrendingCandidateSource implements CandidateSource {
    public static final ComponentId ID = ComponentId.of("trending");
    /** How long (query time) one trending list is reused; see the class comment. */
    static final long REUSE_MILLIS = 1_000;
    private static final int GLOBAL = -1;

    private final FeatureStore store;
    private final VideoCatalogue catalogue;
    private final RetrievalConfig config;
    private final ConcurrentHashMap<Integer, Stamped> recent = new ConcurrentHashMap<>();

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
        long now = query.nowMillis();
        offer(list(GLOBAL, k, now), 1.0, scores);
        TopCategories top = TopCategories.of(user.categories(), config.topCategories());
        for (int c = 0; c < top.size(); c++) {
            offer(list(top.ids()[c], k, now), 1.0 + config.categoryBoost() * top.shares()[c], scores);
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

    /** Global ({@link #GLOBAL}) or one category's trending top {@code k} as of about {@code now}. */
    private TopN list(int category, int k, long now) {
        Stamped s = recent.get(category);
        if (s == null || now - s.computedAt() >= REUSE_MILLIS || now < s.computedAt()) {
            TopN fresh = category == GLOBAL ? store.trending(k, now) : store.trendingInCategory(category, k, now);
            s = new Stamped(fresh, now);
            recent.put(category, s);
        }
        return s.list();
    }

    private record Stamped(TopN list, long computedAt) {
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
