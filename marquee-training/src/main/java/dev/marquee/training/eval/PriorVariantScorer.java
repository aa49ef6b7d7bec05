package dev.marquee.training.eval;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Scorer;
import dev.marquee.features.VideoFeatureBatch;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.ranking.MultiTaskScorer;
import java.util.List;

/**
 * Diagnostic only ({@code marquee eval --score-variants}): serving's multi-task scorer with the heads' weighted sum
 * (popularity prior off) multiplied by {@code (1 + X)^β} for another exposure signal X or exponent β than serving's
 * default — so the prior can be chosen by measurement on the holdout without touching the served scorer.
 */
final class PriorVariantScorer implements Scorer {
    /** The item counter used as the exposure estimate. */
    enum Signal {
        LONG_VIEWS_24H, IMPRESSIONS_24H, IMPRESSIONS_1H;

        double of(VideoFeatureBatch videos, int row) {
            return switch (this) {
                case LONG_VIEWS_24H -> videos.longViews24h(row);
                case IMPRESSIONS_24H -> videos.impressions24h(row);
                case IMPRESSIONS_1H -> videos.impressions1h(row);
            };
        }
    }

    private final MultiTaskScorer headsOnly;
    private final Signal signal;
    private final double beta;

    /** @param headsOnly serving's scorer with β = 0 (so its score is the heads' weighted sum) */
    PriorVariantScorer(MultiTaskScorer headsOnly, Signal signal, double beta) {
        this.headsOnly = headsOnly;
        this.signal = signal;
        this.beta = beta;
    }

    @Override
    public ComponentId id() {
        return MultiTaskScorer.ID;
    }

    @Override
    public void score(FeedQuery query, List<Candidate> candidates) {
        headsOnly.score(query, candidates);
        VideoFeatureBatch videos = query.features().get(FeedFeatures.VIDEOS);
        for (Candidate c : candidates) {
            double x = Math.max(0, signal.of(videos, c.row()));
            c.score(MultiTaskScorer.ID.name(), c.score() * Math.pow(1 + x, beta));
        }
    }
}
