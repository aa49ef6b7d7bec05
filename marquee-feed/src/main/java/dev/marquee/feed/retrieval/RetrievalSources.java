package dev.marquee.feed.retrieval;

import dev.marquee.core.FeedQuery;
import dev.marquee.core.Gate;
import dev.marquee.core.GatedSource;
import dev.marquee.features.FeatureStore;
import java.time.Duration;
import java.util.List;

/**
 * The home feed's candidate sources declared as data, each behind the gate that says when it is worth running:
 * two-tower when a model is loaded; co-watch when the user has long views; content when both; segment-popular,
 * fresh uploads and trending always. Segment-popular used to run for new users only ({@link NewUserGate}); smoothed
 * toward global 24 h popularity it is also the complement of trending's 1 h velocity for everyone (with it the
 * merged set beats every single source at Recall@500 and @1000; without, it does not: see
 * {@link RetrievalConfig#defaults()}). For {@code HomeFeedPipeline} and measurements.
 *
 * <p>Where each runs: the store-backed sources are sub-millisecond lookups when the store is
 * {@linkplain FeatureStore#inProcess() in-process}, so they run inline on the request thread (no virtual-thread
 * hand-off or stack chunk), overlapping the index searches; against a remote store (Redis) they stay parallel so
 * network waits overlap. The index sources (two-tower, content: HNSW searches of several ms) stay parallel: run
 * inline, a request held its carrier thread for the whole funnel without a single park, and under overload the
 * server stopped answering 503 promptly (the admission gate's and new connections' virtual threads queued behind
 * running requests: client timeouts or multi-second tails in 3 of 4 load runs at 40–100 feeds/s on a shared
 * 2-core box, against none in 4 runs with them parallel).
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
        boolean local = store.inProcess();
        return List.of(
                new GatedSource(TwoTowerCandidateSource.tiered(indexes::current, catalogue, config), model, budget, false),
                new GatedSource(new CoWatchCandidateSource(store, catalogue, config), history, budget, local),
                new GatedSource(new ContentCandidateSource(indexes, config), both(history, model), budget, false),
                new GatedSource(new SegmentPopularCandidateSource(store, catalogue, config), Gate.ALWAYS, budget,
                        local),
                new GatedSource(new FreshUploadsCandidateSource(store, catalogue, config), Gate.ALWAYS, budget, local),
                new GatedSource(new TrendingCandidateSource(store, catalogue, config), Gate.ALWAYS, budget, local));
    }

    private static Gate both(Gate a, Gate b) {
        return (FeedQuery q) -> a.open(q) && b.open(q);
    }
}
