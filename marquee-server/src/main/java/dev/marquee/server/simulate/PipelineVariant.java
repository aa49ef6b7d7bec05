package dev.marquee.server.simulate;

import dev.marquee.feed.ranking.ScoreWeights;
import dev.marquee.feed.rerank.RerankConfig;
import dev.marquee.feed.retrieval.RetrievalConfig;
import java.util.Objects;

/**
 * The knobs a simulated pipeline policy may turn away from the served defaults, so ablations (one part off at
 * a time) run through the same {@link PipelineStack} as the real policy.
 *
 * @param retrieval  candidate-generation settings
 * @param rerank     re-rank settings (exploration, diversity)
 * @param weights    score weights of the multi-task ranker
 * @param rankerKind registry kind of the ranker served ({@code ranker} or {@code ranker-student})
 * @param modelRanking false ranks by {@code TrendingOrderScorer} only (no model), to isolate the ranker
 */
record PipelineVariant(RetrievalConfig retrieval, RerankConfig rerank, ScoreWeights weights, String rankerKind,
                       boolean modelRanking) {
    PipelineVariant {
        Objects.requireNonNull(retrieval, "retrieval");
        Objects.requireNonNull(rerank, "rerank");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(rankerKind, "rankerKind");
    }

    /** The pipeline as served, with the given re-rank settings. */
    static PipelineVariant served(RerankConfig rerank) {
        return new PipelineVariant(RetrievalConfig.defaults(), rerank, ScoreWeights.defaults(),
                PipelinePolicy.RANKER_KIND, true);
    }

    PipelineVariant withRetrieval(RetrievalConfig r) {
        return new PipelineVariant(r, rerank, weights, rankerKind, modelRanking);
    }

    PipelineVariant withRerank(RerankConfig r) {
        return new PipelineVariant(retrieval, r, weights, rankerKind, modelRanking);
    }

    PipelineVariant withWeights(ScoreWeights w) {
        return new PipelineVariant(retrieval, rerank, w, rankerKind, modelRanking);
    }

    PipelineVariant withRanker(String kind) {
        return new PipelineVariant(retrieval, rerank, weights, kind, modelRanking);
    }

    PipelineVariant withoutModelRanking() {
        return new PipelineVariant(retrieval, rerank, weights, rankerKind, false);
    }
}
