package dev.marquee.server.experiment;

import dev.marquee.core.Candidate;
import dev.marquee.core.Clock;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Pipeline;
import dev.marquee.core.PipelineConfig;
import dev.marquee.core.PipelineExecutor;
import dev.marquee.core.ScoringStage;
import dev.marquee.core.SideEffect;
import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.InMemoryEventLog;
import dev.marquee.events.ServedImpressionLog;
import dev.marquee.events.Share;
import dev.marquee.events.View;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.feed.HomeFeedPipeline;
import dev.marquee.feed.ModelHolder;
import dev.marquee.feed.ranking.ImpressionLogSideEffect;
import dev.marquee.feed.ranking.ItemEmbeddings;
import dev.marquee.feed.ranking.MultiTaskScorer;
import dev.marquee.feed.ranking.RankerFeatures;
import dev.marquee.feed.ranking.ScoreWeights;
import dev.marquee.feed.ranking.TrendingOrderScorer;
import dev.marquee.feed.rerank.BlockList;
import dev.marquee.feed.rerank.RerankConfig;
import dev.marquee.feed.retrieval.RetrievalConfig;
import dev.marquee.feed.retrieval.RetrievalIndexes;
import dev.marquee.sim.BehaviourModel;
import dev.marquee.sim.SimRandom;
import dev.marquee.sim.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A direct driver over the real home-feed pipeline (the same parts as {@code Wiring}, the impression-log side
 * effect included, routed by {@link ExperimentRouter}): each request's page is shown to the synthetic world's
 * {@link BehaviourModel}, whose clicks, views and shares go to an event log with the request id. Open loop (the
 * feature store does not move), so the variants face the same world. It also keeps the oracle's expected clicks
 * per variant (the known truth) and, for a shadow variant, the page it would have served to each control request.
 */
final class SimulatedExperimentDriver {
    private final World world;
    private final BehaviourModel behaviour;
    private final InMemoryFeatureStore store;
    private final PipelineExecutor executor;
    private final Function<List<SideEffect>, Function<RerankConfig, Pipeline>> pipelines;
    final InMemoryEventLog events = new InMemoryEventLog();
    final Map<String, double[]> oracleClicks = new HashMap<>(); // label -> {expected clicks, impressions}
    final Map<String, String[]> shadowPages = new HashMap<>();

    /**
     * The score these tests serve, pinned to the β = 1 prior without a duration term (serving's default until the
     * default-world change, docs/simulation.md): the tests check the experiment machinery against known
     * differences, and on this small world that score is the one whose CTR gap to an unranked variant is large
     * enough to separate the 95 % intervals (with serving's current default the gap is 0.0066, same sign,
     * intervals touching).
     */
    static final ScoreWeights SCORE = new ScoreWeights(1, 2, 4, 1);

    SimulatedExperimentDriver(World world, InMemoryFeatureStore store, RetrievalIndexes indexes, ModelHolder models) {
        this.world = world;
        this.behaviour = new BehaviourModel(world);
        this.store = store;
        this.executor = new PipelineExecutor(new PipelineConfig(Duration.ofSeconds(60), 100_000, 1),
                java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), Clock.SYSTEM);
        RankerFeatures features = new RankerFeatures(store, ItemEmbeddings.NONE, false);
        this.pipelines = effects -> rerank -> HomeFeedPipeline.create(new HomeFeedPipeline.Parts(store, indexes,
                RetrievalConfig.defaults(), rerank, BlockList.empty(),
                new ScoringStage(new MultiTaskScorer(models, features, SCORE), new TrendingOrderScorer()),
                effects, Duration.ofSeconds(60)));
    }

    /**
     * Serves (under re-rank settings {@code served} plus each variant's overrides) {@code requestsPerUser} pages of {@code limit} to every user at times from {@code startMillis}, logging
     * impressions to {@code log}; when {@code shadow} is set, control requests of {@code shadowExperiment} are also
     * run (no side effects) through the pipeline of that variant's overrides, recording its page.
     */
    void run(ExperimentConfig config, RerankConfig served, ServedImpressionLog log, int requestsPerUser, int limit,
             long startMillis, Experiment shadowExperiment, Variant shadow) {
        Function<RerankConfig, Pipeline> logged = pipelines.apply(List.of(new ImpressionLogSideEffect(log, store.videos())));
        ExperimentRouter router = new ExperimentRouter(config, served, logged, logged.apply(served), executor::execute);
        Pipeline shadowPipeline = shadow == null ? null
                : pipelines.apply(List.of()).apply(ExperimentRouter.rerankOf(served, shadow.overrides()));
        VariantAssigner assigner = new VariantAssigner();
        SplittableRandom coin = new SplittableRandom(17);
        List<Event> batch = new ArrayList<>();
        long n = 0;
        for (int r = 0; r < requestsPerUser; r++) {
            for (int user = 0; user < world.userCount(); user++) {
                long t = startMillis + r * 3_600_000L + user * 1_000L;
                long seed = SimRandom.mix(n++);
                FeedQuery q = FeedQuery.of("q" + n, World.userId(user), limit, t, seed, false);
                List<Candidate> page = router.apply(q).items();
                String label = q.features().getOrDefault(dev.marquee.feed.ranking.RankingFeatures.EXPERIMENT_VARIANT, "none");
                if (shadow != null && label.equals(shadowExperiment.label(shadowExperiment.control()))) {
                    FeedQuery same = FeedQuery.of(q.requestId(), q.userId(), limit, t, seed, false);
                    List<Candidate> other = executor.execute(shadowPipeline, same).items();
                    String[] ids = new String[other.size()];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = store.videos().external(other.get(i).video());
                    }
                    shadowPages.put(q.requestId(), ids);
                }
                behave(user, q.requestId(), label, page, t, coin, batch);
            }
            events.append(batch);
            batch.clear();
        }
    }

    /**
     * Team-draft interleaves the pages of an interleaving experiment's two variants for every request and logs the
     * shown page with each position's team as its variant label (propensity 1: the coin flips are not logged).
     */
    void runInterleaved(Experiment e, RerankConfig served, ServedImpressionLog log, int requestsPerUser, int limit,
                        long startMillis) {
        Function<RerankConfig, Pipeline> plain = pipelines.apply(List.of());
        Variant a = e.variants().get(0), b = e.variants().get(1);
        Pipeline pa = plain.apply(ExperimentRouter.rerankOf(served, a.overrides()));
        Pipeline pb = plain.apply(ExperimentRouter.rerankOf(served, b.overrides()));
        TeamDraftInterleaver interleaver = new TeamDraftInterleaver();
        SplittableRandom coin = new SplittableRandom(23);
        List<Event> batch = new ArrayList<>();
        long n = 0;
        for (int r = 0; r < requestsPerUser; r++) {
            for (int user = 0; user < world.userCount(); user++) {
                long t = startMillis + r * 3_600_000L + user * 1_000L;
                long seed = SimRandom.mix(n++);
                String request = "i" + n;
                int[] ra = ranking(pa, a, request, user, limit, t, seed), rb = ranking(pb, b, request, user, limit, t, seed);
                var page = interleaver.interleave(ra, rb, limit, new SplittableRandom(seed));
                List<Candidate> shown = new ArrayList<>();
                List<dev.marquee.events.ServedImpression> records = new ArrayList<>();
                for (int pos = 0; pos < page.items().length; pos++) {
                    shown.add(new Candidate(page.items()[pos]));
                    String team = e.label(page.teams()[pos] == TeamDraftInterleaver.TEAM_A ? a : b);
                    records.add(new dev.marquee.events.ServedImpression(request, World.userId(user),
                            store.videos().external(page.items()[pos]), pos, t, "none", team, new float[0], new float[0], 1.0));
                }
                log.append(records);
                behave(user, request, e.name() + ":interleaved", shown, t, coin, batch);
            }
            events.append(batch);
            batch.clear();
        }
    }

    private int[] ranking(Pipeline p, Variant v, String request, int user, int limit, long t, long seed) {
        Map<String, Double> params = new HashMap<>();
        ScoreWeights w = v.overrides().weights();
        if (w != null) {
            params.put(ScoreWeights.CLICK_PARAM, w.click());
            params.put(ScoreWeights.WATCH_PARAM, w.watch());
            params.put(ScoreWeights.SHARE_PARAM, w.share());
        }
        FeedQuery q = new FeedQuery(request, World.userId(user), limit, t, seed, false, params, new dev.marquee.core.FeatureMap());
        List<Candidate> items = executor.execute(p, q).items();
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).video();
        }
        return out;
    }

    private void behave(int user, String request, String label, List<Candidate> page, long t, SplittableRandom coin,
                        List<Event> out) {
        double[] oracle = oracleClicks.computeIfAbsent(label, k -> new double[2]);
        SimRandom watchRng = new SimRandom(coin.nextLong());
        String userId = World.userId(user);
        for (int pos = 0; pos < page.size(); pos++) {
            String videoId = store.videos().external(page.get(pos).video());
            int video = world.videoIndex(videoId);
            double pClick = behaviour.clickProbability(user, video, pos, 0, t);
            oracle[0] += pClick;
            oracle[1]++;
            if (coin.nextDouble() >= pClick) {
                continue;
            }
            long at = t + 1_000 + pos;
            out.add(new Click("c-" + request + "-" + pos, at, userId, videoId, request));
            double watched = behaviour.sampleWatchSeconds(user, video, at, watchRng);
            out.add(new View("v-" + request + "-" + pos, at + 1, userId, videoId, request, watched));
            if (watched > View.LONG_VIEW_SECONDS && coin.nextDouble() < behaviour.shareProbability(user, video, at)) {
                out.add(new Share("s-" + request + "-" + pos, at + 2, userId, videoId, request));
            }
        }
    }

    /** The oracle's expected CTR of a variant's served impressions (the synthetic world's truth). */
    double oracleCtr(String label) {
        double[] o = oracleClicks.get(label);
        return o[0] / o[1];
    }

    void close() {
        executor.close();
    }
}
