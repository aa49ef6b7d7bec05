package dev.marquee.server.simulate;

import dev.marquee.core.Candidate;
import dev.marquee.core.Clock;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.IdDictionary;
import dev.marquee.core.PipelineResult;
import dev.marquee.events.AppendResult;
import dev.marquee.events.Event;
import dev.marquee.events.EventLog;
import dev.marquee.events.EventSink;
import dev.marquee.events.FileEventLog;
import dev.marquee.features.FeatureSnapshot;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.feed.ranking.ScoreWeights;
import dev.marquee.feed.rerank.ExplorationMode;
import dev.marquee.feed.rerank.RerankConfig;
import dev.marquee.feed.rerank.RerankFeatures;
import dev.marquee.feed.retrieval.RetrievalConfig;
import dev.marquee.feed.retrieval.SourceQuota;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.server.DataDir;
import dev.marquee.server.Main;
import dev.marquee.server.WorldConfigFile;
import dev.marquee.sim.BaselinePolicy;
import dev.marquee.sim.BehaviourModel;
import dev.marquee.sim.FeedbackReplay;
import dev.marquee.sim.ClosedLoopConfig;
import dev.marquee.sim.ClosedLoopSimulator;
import dev.marquee.sim.FeedPolicy;
import dev.marquee.sim.OutcomeMetrics;
import dev.marquee.sim.SimRandom;
import dev.marquee.sim.World;
import dev.marquee.sim.WorldConfig;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.ranker.RankerArchitecture;
import dev.marquee.models.ranker.RankerShape;
import dev.marquee.training.ranker.BootstrapDataset;
import dev.marquee.training.ranker.DatasetBuildConfig;
import dev.marquee.training.ranker.ModelMetrics;
import dev.marquee.training.ranker.PointInTimeDatasetBuilder;
import dev.marquee.training.ranker.RankerPublisher;
import dev.marquee.training.ranker.RankerTrainJob;
import dev.marquee.training.ranker.RankerTrainJobConfig;
import dev.marquee.training.ranker.RankerTrainResult;
import dev.marquee.training.registry.ManifestDraft;
import dev.marquee.training.registry.ModelRegistry;
import dev.marquee.training.registry.TrainingDataRange;
import dev.marquee.training.registry.VersionManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A measurement, not a test: the fast diagnostic loop of the recommendation-quality investigation. Generates
 * the world and trains the starting models ONCE (cached under the cache directory), then runs one simulated day
 * for a subset of users under each named pipeline variant and prints the outcome and funnel statistics
 * (served share per primary source, new-video share, exploration share, fallbacks, mean true affinity and
 * latent quality of what was shown).
 *
 * <p>Usage: {@code SimulationDiagnostics DATA_DIR CACHE_DIR USERS VARIANT[,VARIANT...]}
 */
final class SimulationDiagnostics {
    private static final long HOURS_48 = 48 * 3_600_000L;
    private static int[] DURATIONS;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path cache = Path.of(args[1]);
        int users = Integer.parseInt(args[2]);
        DataDir dir = new DataDir(data);
        if (!dir.hasEvents()) {
            int rc = Main.run("generate", "--data", data.toString(), "--videos", "2000", "--users", "800", "--days", "3",
                    "--seed", "7", "--start", "2026-01-01");
            if (rc != 0) {
                throw new IllegalStateException("generate failed: " + rc);
            }
        }
        WorldConfig config = WorldConfigFile.read(dir.worldConfig());
        World world = World.generate(config);
        DURATIONS = new int[world.videoCount()];
        for (int v = 0; v < DURATIONS.length; v++) {
            DURATIONS[v] = world.video(v).durationSeconds();
        }
        ClosedLoopConfig loop = ClosedLoopConfig.lastDays(config, 1, users);
        Files.createDirectories(cache);
        Path texts = cache.resolve("text-vectors.bin");
        if (!Files.exists(texts) && Files.isRegularFile(data.resolve("text-vectors.bin"))) {
            Files.copy(data.resolve("text-vectors.bin"), texts);
        }
        ExecutorService encoderPool = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().factory());
        try (FileEventLog source = FileEventLog.open(dir.events());
             TextVectorStore store = TextVectorStore.open(texts, TextEncoder.DIMENSION)) {
            VideoTextVectors vectors = new VideoTextVectors(store, new TextEncoder(encoderPool, 10_000));
            ModelTrainer trainer = new ModelTrainer(vectors, new ModelTrainer.TrainingBudget(2, 0.3, 100_000), System.err);
            Path base = cache.resolve("base");
            Path cutFile = cache.resolve("cut.txt");
            StartingState start;
            if (Files.exists(cutFile)) {
                start = new StartingState(base, Long.parseLong(Files.readString(cutFile).trim()));
            } else {
                StartingState.deleteTree(base);
                start = StartingState.prepare(source, loop.startMillis(), base, trainer, System.err);
                Files.writeString(cutFile, Long.toString(start.cutOffset()));
            }
            for (String name : args[3].split(",")) {
                if (name.equals("popular")) {
                    BaselinePolicy popular = new BaselinePolicy(world, 1.0);
                    FeedbackReplay.replay(source, start.cutOffset(), world, popular);
                    BehaviourModel bm = new BehaviourModel(world);
                    double[] tally = new double[4];
                    FeedPolicy counted = new FeedPolicy() {
                        @Override
                        public int[] recommend(int user, long timeMillis, int k) {
                            int[] out = popular.recommend(user, timeMillis, k);
                            for (int v : out) {
                                tally[0]++;
                                tally[1] += bm.trueAffinity(user, v, timeMillis);
                                tally[2] += world.latentQuality(v);
                                tally[3] += DURATIONS[v];
                            }
                            return out;
                        }

                        @Override
                        public void observe(int user, int video, long timeMillis, FeedPolicy.Feedback feedback) {
                            popular.observe(user, video, timeMillis, feedback);
                        }
                    };
                    OutcomeMetrics m = new ClosedLoopSimulator(world, bm, loop)
                            .run(counted, batch -> new AppendResult(new long[batch.size()], batch.size(), 0), (s, f) -> { })
                            .total();
                    System.out.printf(Locale.ROOT, "%-16s sessions %4d imp %6d ctr %.4f lvr %.4f wmin/s %6.2f newExp %.3f | "
                                    + "aff %.3f qual %.3f dur %.0fs%n",
                            name, m.sessions(), m.impressions(), m.ctr(), m.longViewRate(), m.watchMinutesPerSession(),
                            m.newVideoExposure(), tally[1] / tally[0], tally[2] / tally[0], tally[3] / tally[0]);
                    continue;
                }
                run(name, variant(name), world, loop, start, vectors, cache);
            }
        } finally {
            encoderPool.shutdownNow();
        }
    }

    static PipelineVariant variant(String name) {
        PipelineVariant full = PipelineVariant.served(RerankConfig.defaults());
        RetrievalConfig r = RetrievalConfig.defaults();
        return switch (name) {
            case "full" -> full;
            case "no-explore" -> full.withRerank(RerankConfig.defaults().withExploration(0, ExplorationMode.THOMPSON));
            case "no-diversity" -> full.withRerank(RerankConfig.defaults().withDiversity(100, 100, 100, 100));
            case "trending-rank" -> full.withoutModelRanking();
            case "teacher" -> full.withRanker("ranker");
            case "w-click" -> full.withWeights(new ScoreWeights(1, 0, 0));
            case "w-watch" -> full.withWeights(new ScoreWeights(0, 1, 0));
            case "no-fresh" -> full.withRetrieval(r.withQuotas(without(r, "fresh-uploads"), 940));
            case "no-two-tower" -> full.withRetrieval(r.withQuotas(without(r, "two-tower"), 550));
            case "teacher-w-watch" -> full.withRanker("ranker").withWeights(new ScoreWeights(0.5, 4, 4));
            case "w-watch4" -> full.withWeights(new ScoreWeights(0.5, 4, 4));
            case "no-trending" -> full.withRetrieval(r.withQuotas(without(r, "trending"), 880));
            default -> {
                if (name.startsWith("student:")) {
                    yield full;
                }
                if (name.startsWith("pop:")) {
                    // pop:BETA:GAMMA[:DELTA] — the prior (1 + LV24h)^β · longViewRate^γ on the default heads
                    String[] f = name.split(":");
                    yield full.withWeights(ScoreWeights.defaults().withPopularity(Double.parseDouble(f[1]))
                            .withRate(Double.parseDouble(f[2])).withDuration(f.length > 3 ? Double.parseDouble(f[3]) : 0));
                }
                if (name.startsWith("w:")) {
                    // w:CLICK:WATCH:SHARE:BETA:GAMMA:DELTA
                    String[] f = name.split(":");
                    yield full.withWeights(new ScoreWeights(Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                            Double.parseDouble(f[6])));
                }
                if (name.startsWith("only-")) {
                    String src = name.substring(5);
                    yield full.withRetrieval(r.withQuotas(List.of(new SourceQuota(src, r.quota(src))), r.quota(src)));
                }
                throw new IllegalArgumentException("unknown variant " + name);
            }
        };
    }

    private static List<SourceQuota> without(RetrievalConfig r, String source) {
        List<SourceQuota> out = new ArrayList<>();
        for (SourceQuota q : r.quotas()) {
            if (!q.source().equals(source)) {
                out.add(q);
            }
        }
        return out;
    }

    private static void run(String name, PipelineVariant initial, World world, ClosedLoopConfig loop, StartingState start,
                            VideoTextVectors texts, Path cache) throws Exception {
        long t0 = System.nanoTime();
        PipelineVariant variant = initial;
        Path runDir = cache.resolve("run-" + name);
        StartingState.deleteTree(runDir);
        start.copyTo(runDir);
        StartingState copy = new StartingState(runDir, start.cutOffset());
        if (name.startsWith("student:")) {
            variant = trainStudentAsTeacher(name, copy, variant);
        }
        try (FileEventLog log = FileEventLog.open(copy.events(), StartingState.LOG_CONFIG)) {
            InMemoryFeatureStore store = FeatureSnapshot.read(copy.snapshot(), FeatureStoreConfig.defaults());
            ModelRegistry registry = new ModelRegistry(copy.models(), Clock.SYSTEM);
            try (PipelineStack stack = new PipelineStack(store, store, log, texts, variant)) {
                stack.loadPromoted(registry, variant.rankerKind());
                BehaviourModel model = new BehaviourModel(world);
                Probe probe = new Probe(world, model, stack, log, store.videos(), world.config().seed());
                OutcomeMetrics m = new ClosedLoopSimulator(world, model, loop).run(probe, probe, (s, f) -> { }).total();
                probe.flush();
                System.out.printf(Locale.ROOT, "%-16s sessions %4d imp %6d ctr %.4f lvr %.4f wmin/s %6.2f newExp %.3f | "
                                + "served new %.3f explore %.3f aff %.3f qual %.3f dur %.0fs fallback %d | %s | %.0fs%n",
                        name, m.sessions(), m.impressions(), m.ctr(), m.longViewRate(), m.watchMinutesPerSession(),
                        m.newVideoExposure(), probe.share(probe.fresh), probe.share(probe.explored),
                        probe.affinity / probe.served, probe.quality / probe.served, probe.duration / probe.served, probe.fallbacks, probe.sourceShares(),
                        (System.nanoTime() - t0) / 1e9);
            }
        } finally {
            StartingState.deleteTree(runDir);
        }
    }

    /**
     * Experiment "student:HARD:H1:H2": trains a student with hard-label weight HARD and hidden sizes H1 → H2 on
     * the copy's log, registers it as the copy's {@code ranker} and serves that kind.
     */
    private static PipelineVariant trainStudentAsTeacher(String name, StartingState copy, PipelineVariant variant)
            throws Exception {
        String[] f = name.split(":");
        float hard = Float.parseFloat(f[1]);
        RankerShape shape = new RankerShape(RankerArchitecture.SHARED_BOTTOM, Integer.parseInt(f[2]),
                Integer.parseInt(f[3]), 1, 16);
        try (FileEventLog log = FileEventLog.open(copy.events(), StartingState.LOG_CONFIG)) {
            BootstrapDataset ds = new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults()).build(log);
            TrainingConfig t = ModelTrainer.rankerTraining(2, ds.table().rows());
            RankerTrainJobConfig d = RankerTrainJobConfig.defaults().withTraining(t, 100_000);
            RankerTrainJobConfig cfg = new RankerTrainJobConfig(d.mmoe(), d.sharedBottom(), d.student().withShape(shape),
                    hard, d.maxTrainRows(), d.validationShare(), d.holdoutMillis(), d.logisticEpochs(), d.weights());
            ModelRegistry registry = new ModelRegistry(copy.models(), Clock.SYSTEM);
            try (RankerTrainResult r = new RankerTrainJob(cfg, p -> { }).run(ds.table(), ds.lastEventMillis())) {
                ModelMetrics m = r.evaluation().heads().get("ranker-student");
                System.err.printf(Locale.ROOT, "%s: student AUC click %.4f watch %.4f, 1000 rows p50/p99 %.2f/%.2f ms "
                                + "(teacher %s %.2f/%.2f ms)%n", name, m.click().auc(), m.watch30().auc(),
                        r.evaluation().latency().get("ranker-student").p50Ms(),
                        r.evaluation().latency().get("ranker-student").p99Ms(), r.evaluation().chosen(),
                        r.evaluation().latency().get("ranker").p50Ms(), r.evaluation().latency().get("ranker").p99Ms());
                Path tmp = Files.createTempDirectory("diag-student");
                r.student().save(tmp);
                VersionManifest v = registry.register("ranker", tmp, new ManifestDraft(
                        new TrainingDataRange(0, log.endOffset(), 0, 0), RankerPublisher.SCHEMA_HASH,
                        Map.of("auc_click", m.click().auc()), registry.current("ranker").orElse(null)));
                registry.promote("ranker", v.version(), "diagnostic student experiment");
                StartingState.deleteTree(tmp);
            }
        }
        return variant.withRanker("ranker");
    }

    /** The pipeline as a feed policy (as {@code PipelinePolicy}), tallying what it serves. */
    private static final class Probe implements FeedPolicy, EventSink {
        final World world;
        final BehaviourModel model;
        final PipelineStack stack;
        final EventLog log;
        final IdDictionary videos;
        final long seed;
        final List<Event> pending = new ArrayList<>();
        final Map<String, Integer> bySource = new TreeMap<>();
        long requests, served, fresh, explored, fallbacks;
        double affinity, quality, duration;

        Probe(World world, BehaviourModel model, PipelineStack stack, EventLog log, IdDictionary videos, long seed) {
            this.world = world;
            this.model = model;
            this.stack = stack;
            this.log = log;
            this.videos = videos;
            this.seed = seed;
        }

        @Override
        public AppendResult append(List<? extends Event> batch) {
            pending.addAll(batch);
            return new AppendResult(new long[batch.size()], batch.size(), 0);
        }

        void flush() {
            if (!pending.isEmpty()) {
                log.append(pending);
                pending.clear();
            }
            stack.catchUp();
        }

        @Override
        public int[] recommend(int user, long timeMillis, int k) {
            flush();
            long n = requests++;
            FeedQuery query = FeedQuery.of("sim-q" + n, World.userId(user), k, timeMillis, SimRandom.mix(seed ^ n), false);
            PipelineResult result = stack.serve(query);
            if (!result.degraded().isEmpty()) {
                fallbacks++;
                if (fallbacks <= 3) {
                    System.err.println("degraded: " + result.degraded());
                }
            }
            List<Candidate> items = result.items();
            int[] out = new int[Math.min(k, items.size())];
            for (int i = 0; i < out.length; i++) {
                Candidate c = items.get(i);
                out[i] = world.videoIndex(videos.external(c.video()));
                served++;
                fresh += timeMillis - world.uploadedAt(out[i]) < HOURS_48 ? 1 : 0;
                explored += c.features().getOrDefault(RerankFeatures.EXPLORATION_SLOT, null) != null ? 1 : 0;
                bySource.merge(c.sources().keySet().iterator().next(), 1, Integer::sum);
                affinity += model.trueAffinity(user, out[i], timeMillis);
                quality += world.latentQuality(out[i]);
                duration += DURATIONS[out[i]];
            }
            return out;
        }

        double share(long count) {
            return served == 0 ? 0 : (double) count / served;
        }

        String sourceShares() {
            StringBuilder b = new StringBuilder();
            bySource.forEach((s, c) -> b.append(s).append('=').append(String.format(Locale.ROOT, "%.2f ", share(c))));
            return b.toString().trim();
        }
    }
}
