package dev.marquee.feed.ranking;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Scorer;
import dev.marquee.features.VideoFeatureBatch;
import dev.marquee.feed.FeedFeatures;
import java.util.List;

/**
 * The ranking fallback: orders by popularity when the model cannot score (none loaded, wrong schema, a
 * bug). Score = trending (long views per hour, 1 h half-life) + smoothed long-view rate, the rate breaking
 * ties among videos nobody watched in the last hours. Without hydrated video features it keeps each
 * candidate's retrieval score. Never throws for a missing model; allocation-free.
 */
public final class TrendingOrderScorer implements Scorer {
    public static final ComponentId ID = ComponentId.of("trending-order");

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public void score(FeedQuery query, List<Candidate> candidates) {
        VideoFeatureBatch videos = query.features().getOrDefault(FeedFeatures.VIDEOS, null);
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            int r = c.row();
            if (videos != null && r >= 0 && r < videos.size() && videos.video(r) == c.video()) {
                c.score(ID.name(), videos.trending(r) + videos.longViewRate(r));
            } else {
                c.score(ID.name(), c.score());
            }
        }
    }
}
