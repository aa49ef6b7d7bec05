package dev.marquee.feed.retrieval;

import dev.marquee.core.FeedQuery;
import dev.marquee.core.Gate;
import dev.marquee.feed.FeedFeatures;

/**
 * Opens when query hydration produced a two-tower user embedding, i.e. a model is loaded and indexed; before
 * the first training the model-based sources are skipped instead of being scheduled only to return nothing.
 */
public record ModelLoadedGate() implements Gate {
    @Override
    public boolean open(FeedQuery query) {
        return query.features().has(FeedFeatures.USER_EMBEDDING);
    }
}
