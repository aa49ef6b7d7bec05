package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Filter;
import dev.marquee.core.FilterResult;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.UserFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops videos the user already watched for more than 30 s and videos shown to them more than
 * {@link RerankConfig#maxImpressions24h()} times in the last 24 h (impression fatigue). Reads only the
 * query's {@link FeedFeatures#USER}, so it can run before candidate hydration.
 *
 * <p>The watched set is a Bloom filter: a watched video is never kept (no false negatives), and an unwatched
 * one is wrongly dropped with the filter's false-positive probability (≤ 1% at capacity, see
 * {@code dev.marquee.features.WatchedSet}); {@code SeenVideosFilterTest} measures it.
 */
public final class SeenVideosFilter implements Filter {
    public static final ComponentId ID = ComponentId.of("seen-videos");

    private final int maxImpressions24h;

    public SeenVideosFilter(RerankConfig config) {
        this.maxImpressions24h = config.maxImpressions24h();
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public FilterResult apply(FeedQuery query, List<Candidate> candidates) {
        UserFeatures user = query.features().get(FeedFeatures.USER);
        List<Candidate> kept = new ArrayList<>(candidates.size());
        List<Candidate> removed = new ArrayList<>();
        for (int i = 0, n = candidates.size(); i < n; i++) {
            Candidate c = candidates.get(i);
            int video = c.video();
            if (user.hasWatched(video)) {
                removed.add(c);
                if (query.explain()) {
                    c.decide(ID + ": removed, watched");
                }
            } else if (user.impressionsLast24h(video) > maxImpressions24h) {
                removed.add(c);
                if (query.explain()) {
                    c.decide(ID + ": removed, " + user.impressionsLast24h(video) + " impressions in 24 h > "
                            + maxImpressions24h);
                }
            } else {
                kept.add(c);
            }
        }
        return new FilterResult(kept, removed);
    }
}
