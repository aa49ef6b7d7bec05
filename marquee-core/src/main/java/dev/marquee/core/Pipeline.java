package dev.marquee.core;

import java.util.List;
import java.util.Objects;

/**
 * A feed pipeline declared as plain data: the ordered stages and nothing else. The executor gives it
 * behaviour (timing, deadlines, fallbacks); the product module declares it (see {@code HomeFeedPipeline}).
 *
 * @param queryHydrators     load user-level features before retrieval
 * @param sources            candidate sources, run in parallel, each behind its gate
 * @param merger             merges the sources' outputs (quotas, de-duplication, backfill)
 * @param filters            cheapest first
 * @param candidateHydrators load per-candidate features for scoring
 * @param scorers            scoring stages in order, each with its fallback
 * @param selectors          re-ranking and policy, in order (diversity, exploration, paging)
 * @param sideEffects        run asynchronously after the response is decided
 */
public record Pipeline(List<QueryHydrator> queryHydrators, List<GatedSource> sources, Selector merger,
                       List<Filter> filters, List<CandidateHydrator> candidateHydrators,
                       List<ScoringStage> scorers, List<Selector> selectors, List<SideEffect> sideEffects) {
    public Pipeline {
        queryHydrators = List.copyOf(queryHydrators);
        sources = List.copyOf(sources);
        Objects.requireNonNull(merger, "merger");
        filters = List.copyOf(filters);
        candidateHydrators = List.copyOf(candidateHydrators);
        scorers = List.copyOf(scorers);
        selectors = List.copyOf(selectors);
        sideEffects = List.copyOf(sideEffects);
    }
}
