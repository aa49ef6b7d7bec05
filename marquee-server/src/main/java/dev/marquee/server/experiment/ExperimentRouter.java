package dev.marquee.server.experiment;

import dev.marquee.core.FeedQuery;
import dev.marquee.core.Pipeline;
import dev.marquee.core.PipelineResult;
import dev.marquee.feed.ranking.RankingFeatures;
import dev.marquee.feed.ranking.ScoreWeights;
import dev.marquee.feed.rerank.ExplorationMode;
import dev.marquee.feed.rerank.RerankConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Serves a feed request under the user's experiment variant: finds the first A/B experiment that assigns the
 * user ({@link VariantAssigner}), records {@code "experiment:variant"} as {@link RankingFeatures#EXPERIMENT_VARIANT}
 * (the impression log writes it on every served item), applies the variant's score weights as request params
 * (a request's explicit {@code w_*} params win) and runs the pipeline built for the variant's re-rank overrides.
 * Pipelines are built once, at construction. Interleaving experiments are not served here (see the report).
 */
public final class ExperimentRouter implements Function<FeedQuery, PipelineResult> {
    private record Route(Experiment experiment, Variant variant, Pipeline pipeline) {
    }

    private final List<Experiment> experiments;
    private final VariantAssigner assigner = new VariantAssigner();
    private final Map<String, Route> routes = new HashMap<>();
    private final Pipeline served;
    private final BiFunction<Pipeline, FeedQuery, PipelineResult> executor;

    /**
     * @param pipelines builds a pipeline for a re-rank config (same parts otherwise)
     * @param served    the pipeline for users outside every experiment (built from {@code rerank})
     * @param executor  runs a pipeline for a query ({@code PipelineExecutor::execute})
     */
    public ExperimentRouter(ExperimentConfig config, RerankConfig rerank, Function<RerankConfig, Pipeline> pipelines,
                            Pipeline served, BiFunction<Pipeline, FeedQuery, PipelineResult> executor) {
        this.experiments = config.experiments().stream().filter(e -> !e.interleaving()).toList();
        this.served = served;
        this.executor = executor;
        for (Experiment e : experiments) {
            for (Variant v : e.variants()) {
                VariantOverrides o = v.overrides();
                Pipeline p = o.changesRerank() ? pipelines.apply(rerankOf(rerank, o)) : served;
                routes.put(e.label(v), new Route(e, v, p));
            }
        }
    }

    /** The served re-rank config with a variant's exploration overrides. */
    public static RerankConfig rerankOf(RerankConfig base, VariantOverrides o) {
        if (!o.changesRerank()) {
            return base;
        }
        double share = o.explorationShare() != null ? o.explorationShare() : base.explorationShare();
        if (o.epsilonGreedy() == null) {
            return base.withExploration(share, base.explorationMode());
        }
        RerankConfig r = base.withExploration(share, ExplorationMode.EPSILON_GREEDY);
        return new RerankConfig(r.maxImpressions24h(), r.minDurationSeconds(), r.requireLanguageMatch(), r.creatorWindow(),
                r.maxPerCreatorInWindow(), r.maxPerCreatorPerPage(), r.maxSameCategoryRun(), r.similarityPenalty(),
                r.mmrLookahead(), r.explorationShare(), r.protectedTopPositions(), r.explorationMaxAgeHours(),
                r.explorationMaxImpressions(), r.explorationMode(), o.epsilonGreedy(), r.explorationPoolSize(),
                r.propensityDraws());
    }

    @Override
    public PipelineResult apply(FeedQuery query) {
        for (Experiment e : experiments) {
            Variant v = assigner.assign(e, query.userId());
            if (v != null) {
                Route route = routes.get(e.label(v));
                return executor.apply(route.pipeline(), tagged(query, e.label(v), v.overrides().weights()));
            }
        }
        return executor.apply(served, query);
    }

    private static FeedQuery tagged(FeedQuery q, String label, ScoreWeights weights) {
        q.features().put(RankingFeatures.EXPERIMENT_VARIANT, label);
        if (weights == null) {
            return q;
        }
        Map<String, Double> params = new HashMap<>();
        params.put(ScoreWeights.CLICK_PARAM, weights.click());
        params.put(ScoreWeights.WATCH_PARAM, weights.watch());
        params.put(ScoreWeights.SHARE_PARAM, weights.share());
        params.putAll(q.params());
        return new FeedQuery(q.requestId(), q.userId(), q.limit(), q.nowMillis(), q.seed(), q.explain(), params,
                q.features());
    }
}
