package dev.marquee.server.simulate;

import dev.marquee.core.Clock;
import dev.marquee.events.AppendResult;
import dev.marquee.events.Event;
import dev.marquee.events.EventLog;
import dev.marquee.events.EventSink;
import dev.marquee.events.FileEventLog;
import dev.marquee.events.Impression;
import dev.marquee.features.FeatureSnapshot;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.sim.BaselinePolicy;
import dev.marquee.sim.BehaviourModel;
import dev.marquee.sim.ClosedLoopConfig;
import dev.marquee.sim.ClosedLoopSimulator;
import dev.marquee.sim.FeedPolicy;
import dev.marquee.sim.FeedbackReplay;
import dev.marquee.sim.OraclePolicy;
import dev.marquee.sim.OutcomeMetrics;
import dev.marquee.sim.OutcomeRecorder;
import dev.marquee.sim.World;
import dev.marquee.training.registry.ModelRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each requested policy through the closed loop, one after the other, each from its own copy of the
 * {@link StartingState} and with the same world seed, and collects their {@link PolicyOutcome}s. Pipeline
 * policies get a {@link PipelineStack} over their copy; {@code popular} is the most-popular chart warmed with
 * the history prefix; {@code oracle} reads the hidden truth. Policy work directories are deleted after use.
 */
public final class SimulationRunner {
    private final World world;
    private final ClosedLoopConfig loop;
    private final StartingState start;
    private final EventLog source;
    private final VideoTextVectors texts;
    private final ModelTrainer trainer;
    private final int retrainEveryDays;
    private final Path work;
    private final PrintStream progress;
    private final String rankerKind;

    SimulationRunner(World world, ClosedLoopConfig loop, StartingState start, EventLog source, VideoTextVectors texts,
                     ModelTrainer trainer, int retrainEveryDays, Path work, PrintStream progress, String rankerKind) {
        this.world = world;
        this.loop = loop;
        this.start = start;
        this.source = source;
        this.texts = texts;
        this.trainer = trainer;
        this.retrainEveryDays = retrainEveryDays;
        this.work = work;
        this.progress = progress;
        this.rankerKind = rankerKind;
    }

    public List<PolicyOutcome> run(List<SimulatedPolicy> policies) throws Exception {
        List<PolicyOutcome> out = new ArrayList<>();
        for (SimulatedPolicy p : policies) {
            long t0 = System.nanoTime();
            progress.println("simulate: running policy " + p.cliName());
            PolicyOutcome o = p.usesPipeline() ? runPipeline(p, t0) : runReference(p, t0);
            progress.printf("simulate: %s done in %.1f s (%,d requests): long-view rate %.4f, watch min/session %.2f%n",
                    p.cliName(), o.seconds(), o.requests(), o.total().longViewRate(), o.total().watchMinutesPerSession());
            out.add(o);
        }
        return out;
    }

    private PolicyOutcome runReference(SimulatedPolicy p, long t0) {
        BehaviourModel model = new BehaviourModel(world);
        FeedPolicy policy;
        if (p == SimulatedPolicy.POPULAR) {
            BaselinePolicy popular = new BaselinePolicy(world, 1.0);
            FeedbackReplay.replay(source, start.cutOffset(), world, popular);
            policy = popular;
        } else {
            policy = new OraclePolicy(model);
        }
        CountingSink sink = new CountingSink();
        OutcomeRecorder r = new ClosedLoopSimulator(world, model, loop).run(policy, sink, this::dayProgress);
        return outcome(p, r, sink.requests(), t0);
    }

    private PolicyOutcome runPipeline(SimulatedPolicy p, long t0) throws Exception {
        Path dir = work.resolve(p.cliName());
        StartingState.deleteTree(dir);
        start.copyTo(dir);
        StartingState copy = new StartingState(dir, start.cutOffset());
        try (FileEventLog log = FileEventLog.open(copy.events(), StartingState.LOG_CONFIG)) {
            InMemoryFeatureStore store = FeatureSnapshot.read(copy.snapshot(), FeatureStoreConfig.defaults());
            ModelRegistry registry = new ModelRegistry(copy.models(), Clock.SYSTEM);
            try (PipelineStack stack = new PipelineStack(store, p.realtimeFeatures() ? store : new UpsertsOnlyWriter(store),
                    log, texts, p.rerank())) {
                stack.loadPromoted(registry, rankerKind);
                progress.println("simulate: " + p.cliName() + " serves " + stack.modelVersion());
                PipelinePolicy policy = new PipelinePolicy(world, stack, log, store.videos(), registry, trainer,
                        retrainEveryDays, world.config().seed(), rankerKind);
                BehaviourModel model = new BehaviourModel(world);
                OutcomeRecorder r = new ClosedLoopSimulator(world, model, loop).run(policy, policy, this::dayProgress);
                policy.flush();
                return outcome(p, r, policy.requests(), t0);
            }
        } finally {
            StartingState.deleteTree(dir);
        }
    }

    private void dayProgress(long steps, double fraction) {
        if (fraction < 1.0) {
            progress.printf("simulate:   day %d of %d%n", Math.round(fraction * loop.days()) + 1, loop.days());
        }
    }

    private PolicyOutcome outcome(SimulatedPolicy p, OutcomeRecorder r, long requests, long t0) {
        List<OutcomeMetrics> days = new ArrayList<>();
        for (int d = 0; d < loop.days(); d++) {
            days.add(r.day(d));
        }
        return new PolicyOutcome(p, r.total(), days, requests, (System.nanoTime() - t0) / 1e9);
    }

    /** Where the reference policies' events go: nowhere, but feed requests (pages) are counted. */
    private static final class CountingSink implements EventSink {
        private long requests;

        @Override
        public AppendResult append(List<? extends Event> batch) {
            for (var e : batch) {
                if (e instanceof Impression i && i.position() == 0) {
                    requests++;
                }
            }
            return new AppendResult(new long[batch.size()], batch.size(), 0);
        }

        long requests() {
            return requests;
        }
    }
}
