package dev.marquee.feed.retrieval;

import dev.marquee.core.FeedQuery;
import dev.marquee.core.Gate;
import dev.marquee.core.GatedSource;
import dev.marquee.features.FeatureStore;
import java.time.Duration;
import java.util.List;

/**
 * The home feed's candidate sources declared as data, each behind the gate that says when it is worth running:
 * two-tower when a model is loaded; co-watch when the user has long views; content when both; segment-popular
 * for new users; fresh uploads and trending always. For {@code HomeFeedPipeline} and measurements.
 */
public final class RetrievalSources {
    private RetrievalSources() {
    }

    /** The six sources in merge-priority order, each with {@code budget} (the executor enforces it). */
    public static List<GatedSource> gated(FeatureStore store, RetrievalIndexes indexes, RetrievalConfig config,
                                          Duration budget) {
        VideoCatalogue catalogue = indexes.catalogue();
        Gate model = new ModelLoadedGate();
        Gate history = new HistoryGate(1);
        return List.of(
                new GatedSource(new TwoTowerCandidateSource(indexes::itemIndex, catalogue, config), model, budget),
                new GatedSource(new CoWatchCandidateSource(store, catalogue, config), history, budget),
                new GatedSource(new ContentCandidateSource(indexes, config), both(history, model), budget),
                new GatedSource(new SegmentPopularCandidateSource(store, catalogue, config),
                        new NewUserGate(Math.max(1, config.newUserMaxEngagements())), budget),
                new GatedSource(new FreshUploadsCandidateSource(store, catalogue, config), Gate.ALWAYS, budget),
                new GatedSource(new TrendingCandidateSource(store, catalogue, config), Gate.ALWAYS, budget));
    }

    private static Gate both(Gate a, Gate b) {
        return (FeedQuery q) -> a.open(q) && b.open(q);
    }
}
