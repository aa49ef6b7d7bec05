package dev.marquee.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeatureMap;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Pipeline;
import dev.marquee.core.PipelineResult;
import dev.marquee.core.Selector;
import dev.marquee.feed.ranking.RankingFeatures;
import dev.marquee.feed.rerank.ExplorationMode;
import dev.marquee.feed.rerank.RerankConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentRouterTest {
    /** A merger that only names the pipeline it belongs to. */
    private record Named(ComponentId id) implements Selector {
        @Override
        public List<Candidate> select(FeedQuery query, List<Candidate> candidates) {
            return candidates;
        }
    }

    private final Map<Pipeline, RerankConfig> built = new HashMap<>();
    private final List<FeedQuery> seen = new ArrayList<>();
    private final List<Pipeline> ran = new ArrayList<>();

    private Pipeline pipeline(RerankConfig rerank) {
        Pipeline p = new Pipeline(List.of(), List.of(), new Named(ComponentId.of("merge-" + built.size())), List.of(),
                List.of(), List.of(), List.of(), List.of());
        built.put(p, rerank);
        return p;
    }

    private ExperimentRouter router(String json) {
        RerankConfig served = RerankConfig.defaults();
        return new ExperimentRouter(ExperimentConfigFile.parse(json, "test"), served, this::pipeline, pipeline(served),
                (p, q) -> {
                    ran.add(p);
                    seen.add(q);
                    return new PipelineResult(q, List.of(), Map.of(), Map.of(), Map.of());
                });
    }

    private static FeedQuery query(String user, Map<String, Double> params) {
        return new FeedQuery("r-" + user, user, 10, 0, 1, false, params, new FeatureMap());
    }

    @Test
    void route_tagsTheVariantAndAppliesItsOverrides() {
        ExperimentRouter r = router("""
                {"experiments": [{"name": "e", "variants": [
                  {"name": "all", "share": 0.9999, "overrides": {"weights": {"click": 0, "watch": 9, "share": 1},
                   "explorationShare": 0, "epsilonGreedy": 0.5}}, {"name": "rest", "share": 0.0001}]}, {"name": "never", "variants": [
                  {"name": "x", "share": 0.5}, {"name": "y", "share": 0.5}]}]}""");
        r.apply(query("u1", Map.of()));
        FeedQuery q = seen.getLast();
        assertThat(q.features().get(RankingFeatures.EXPERIMENT_VARIANT)).isEqualTo("e:all");
        assertThat(q.param("w_watch", -1)).isEqualTo(9.0);
        assertThat(q.param("w_click", -1)).isZero();
        RerankConfig rerank = built.get(ran.getLast());
        assertThat(rerank.explorationShare()).isZero();
        assertThat(rerank.explorationMode()).isEqualTo(ExplorationMode.EPSILON_GREEDY);
        assertThat(rerank.epsilon()).isEqualTo(0.5);
    }

    @Test
    void route_letsExplicitRequestWeightsWin() {
        ExperimentRouter r = router("""
                {"experiments": [{"name": "e", "variants": [
                  {"name": "a", "share": 0.5, "overrides": {"weights": {"watch": 9}}},
                  {"name": "b", "share": 0.5, "overrides": {"weights": {"watch": 9}}}]}]}""");
        r.apply(query("u2", Map.of("w_watch", 3.0)));
        assertThat(seen.getLast().param("w_watch", -1)).isEqualTo(3.0);
        assertThat(built.get(ran.getLast())).as("no re-rank override: the served pipeline").isEqualTo(RerankConfig.defaults());
    }

    @Test
    void route_servesUsersOutsideEveryExperimentUntagged() {
        ExperimentRouter r = router("""
                {"experiments": [{"name": "tiny", "variants": [{"name": "a", "share": 0.0001}, {"name": "b", "share": 0.0001}]}]}""");
        int tagged = 0;
        for (int u = 0; u < 200; u++) {
            r.apply(query("user" + u, Map.of()));
            tagged += seen.getLast().features().has(RankingFeatures.EXPERIMENT_VARIANT) ? 1 : 0;
        }
        assertThat(tagged).isLessThanOrEqualTo(1);
        assertThat(built.get(ran.getLast())).isEqualTo(RerankConfig.defaults());
    }
}
