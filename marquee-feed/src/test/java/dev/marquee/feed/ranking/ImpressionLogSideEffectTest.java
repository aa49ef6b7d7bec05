package dev.marquee.feed.ranking;

import static dev.marquee.feed.ranking.RankingTestWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import dev.marquee.core.CandidateHydrator;
import dev.marquee.core.CandidateSource;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.GatedSource;
import dev.marquee.core.Pipeline;
import dev.marquee.core.PipelineConfig;
import dev.marquee.core.PipelineExecutor;
import dev.marquee.core.PipelineResult;
import dev.marquee.core.ScoringStage;
import dev.marquee.core.Selector;
import dev.marquee.events.SegmentedLogConfig;
import dev.marquee.events.ServedImpression;
import dev.marquee.events.ServedImpressionLog;
import dev.marquee.feed.ModelHolder;
import dev.marquee.feed.ServingModels;
import dev.marquee.models.ranker.RankerModel;
import dev.marquee.testkit.FakeClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a real pipeline (executor, scorer with fallback, impression log) over a real feature store. */
class ImpressionLogSideEffectTest {
    final RankingTestWorld world = new RankingTestWorld();

    /** Retrieval returns v0..v19; hydration fills USER and VIDEOS; selection keeps the top 10, position 3 "explored". */
    Pipeline pipeline(ModelHolder holder, ServedImpressionLog log) {
        CandidateSource source = new CandidateSource() {
            @Override
            public ComponentId id() {
                return ComponentId.of("fixed");
            }

            @Override
            public List<Candidate> fetch(FeedQuery query) {
                return world.candidates(20);
            }
        };
        Selector identity = selector("merge", (query, candidates) -> candidates);
        CandidateHydrator hydrator = new CandidateHydrator() {
            @Override
            public ComponentId id() {
                return ComponentId.of("features");
            }

            @Override
            public void hydrate(FeedQuery query, List<Candidate> candidates) {
                world.hydrate(query, candidates);
            }
        };
        Selector top10 = selector("top", (query, candidates) -> {
            List<Candidate> page = candidates.stream().sorted(Comparator.comparingDouble((Candidate c) -> c.score()).reversed())
                    .limit(10).toList();
            page.get(3).propensity(0.25);
            return page;
        });
        RankerFeatures features = new RankerFeatures(world.store, ItemEmbeddings.NONE, true);
        return new Pipeline(List.of(), List.of(GatedSource.always(source, Duration.ofSeconds(5))), identity, List.of(),
                List.of(hydrator),
                List.of(new ScoringStage(new MultiTaskScorer(holder, features, ScoreWeights.defaults()), new TrendingOrderScorer())),
                List.of(top10), List.of(new ImpressionLogSideEffect(log, world.store.videos())));
    }

    PipelineResult run(ModelHolder holder, ServedImpressionLog log, FeedQuery query) {
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try (PipelineExecutor executor = new PipelineExecutor(PipelineConfig.defaults(), pool, new SimpleMeterRegistry(),
                new FakeClock(T0))) {
            return executor.execute(pipeline(holder, log), query);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void sideEffect_logsEveryServedItem_withTheExactRowTheModelScored(@TempDir Path dir) {
        try (RankerModel ranker = world.trainTinyRanker(5L);
             ServedImpressionLog log = ServedImpressionLog.open(dir, SegmentedLogConfig.DEFAULTS)) {
            ModelHolder holder = new ModelHolder();
            holder.swap(new ServingModels("m42", null, ranker));
            FeedQuery query = FeedQuery.of("req-1", "u1", 10, T0, 7, false);
            query.features().put(RankingFeatures.EXPERIMENT_VARIANT, "treatment");
            PipelineResult result = run(holder, log, query);

            List<ServedImpression> logged = log.read(0, 100);
            assertThat(logged).hasSize(10);
            RankerRows rows = query.features().get(RankingFeatures.RANKER_ROWS);
            for (int p = 0; p < 10; p++) {
                Candidate served = result.items().get(p);
                ServedImpression s = logged.get(p);
                assertThat(s.position()).isEqualTo(p);
                assertThat(s.videoId()).isEqualTo(world.store.videos().external(served.video()));
                assertThat(s).extracting(ServedImpression::requestId, ServedImpression::userId, ServedImpression::timeMillis,
                        ServedImpression::modelVersion, ServedImpression::variant)
                        .containsExactly("req-1", "u1", T0, "m42", "treatment");
                assertThat(s.propensity()).isEqualTo(p == 3 ? 0.25 : 1.0);
                assertThat(s.features()).containsExactly(rows.featuresOf(rows.indexOf(served)));
                assertThat(s.heads()).containsExactly(served.heads());
                float[] again = new float[3];
                ranker.predict(s.features(), 1, again);
                assertThat(again).as("the logged row reproduces the logged heads").containsExactly(s.heads());
            }
        }
    }

    @Test
    void withoutModel_rankingFallsBackToTrending_andItemsAreLoggedUnscored(@TempDir Path dir) {
        try (ServedImpressionLog log = ServedImpressionLog.open(dir, SegmentedLogConfig.DEFAULTS)) {
            PipelineResult result = run(new ModelHolder(), log, FeedQuery.of("req-2", "u1", 10, T0, 7, false));
            assertThat(result.degraded()).containsKey("multi-task");
            assertThat(result.items()).allSatisfy(c -> assertThat(c.stageScores()).containsKey("trending-order"));
            List<ServedImpression> logged = log.read(0, 100);
            assertThat(logged).hasSize(10).allSatisfy(s -> {
                assertThat(s.modelVersion()).isEqualTo("none");
                assertThat(s.scored()).isFalse();
            });
        }
    }

    private static Selector selector(String name, java.util.function.BiFunction<FeedQuery, List<Candidate>, List<Candidate>> body) {
        return new Selector() {
            @Override
            public ComponentId id() {
                return ComponentId.of(name);
            }

            @Override
            public List<Candidate> select(FeedQuery query, List<Candidate> candidates) {
                return body.apply(query, candidates);
            }
        };
    }
}
