package dev.marquee.feed.retrieval;

import dev.marquee.core.Candidate;
import dev.marquee.core.CandidateSource;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.TopN;
import dev.marquee.features.UserFeatures;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Newest uploads in the user's top categories, the raw material of exploration: videos too new for any
 * engagement signal. Score = {@code share(category) · 2^(−age / (maxAge/2))}, so a fresh upload in the user's
 * favourite category comes first; uploads older than {@link RetrievalConfig#freshMaxAgeMillis()} are dropped.
 * A user without category affinities gets the newest uploads of every category (at most
 * {@value #MAX_CATEGORIES_WITHOUT_AFFINITY} of them, equally weighted).
 */
public final class FreshUploadsCandidateSource implements CandidateSource {
    private static final double LN2 = Math.log(2);
    public static final ComponentId ID = ComponentId.of("fresh-uploads");
    static final int MAX_CATEGORIES_WITHOUT_AFFINITY = 32;

    private final FeatureStore store;
    private final VideoCatalogue catalogue;
    private final RetrievalConfig config;

    public FreshUploadsCandidateSource(FeatureStore store, VideoCatalogue catalogue, RetrievalConfig config) {
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
        TopCategories top = TopCategories.of(user.categories(), config.topCategories());
        int categories = top.size();
        if (categories == 0) {
            categories = Math.min(store.categories().size(), MAX_CATEGORIES_WITHOUT_AFFINITY);
        }
        int k = config.freshK();
        int[] videos = new int[categories * k];
        double[] scores = new double[videos.length];
        int n = 0;
        IntPredicate eligible = Eligibility.of(catalogue, user, config.excludeWatched());
        double halfLife = config.freshMaxAgeMillis() / 2.0;
        for (int c = 0; c < categories; c++) {
            int category = top.size() == 0 ? c : top.ids()[c];
            double share = top.size() == 0 ? 1.0 : top.shares()[c];
            TopN newest = store.recentUploads(category, k);
            for (int i = 0; i < newest.size(); i++) {
                long age = query.nowMillis() - (long) newest.scores()[i];
                if (age > config.freshMaxAgeMillis()) {
                    break; // newest first: the rest are older still
                }
                int video = newest.videos()[i];
                if (eligible.test(video)) {
                    videos[n] = video;
                    scores[n++] = share * Math.exp(-LN2 * Math.max(0, age) / halfLife);
                }
            }
        }
        return ScoredCandidates.top(videos, scores, n, k, ID.name());
    }
}
