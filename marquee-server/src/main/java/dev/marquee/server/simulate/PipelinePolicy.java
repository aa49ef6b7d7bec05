package dev.marquee.server.simulate;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.IdDictionary;
import dev.marquee.events.AppendResult;
import dev.marquee.events.Event;
import dev.marquee.events.EventLog;
import dev.marquee.events.EventSink;
import dev.marquee.sim.FeedPolicy;
import dev.marquee.sim.SimRandom;
import dev.marquee.sim.World;
import dev.marquee.training.registry.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The real pipeline as a {@link FeedPolicy}: the simulator's events are collected here ({@link EventSink}) and,
 * right before each request, appended to the policy's own event log and applied through the stack's updaters,
 * so the request sees everything that happened before it (the real-time loop, with zero lag). At the start of
 * every {@code retrainEveryDays}-th simulated day the models are retrained on that log and the promoted ones
 * loaded (the batch loop). Request seeds derive from the run seed and the request number, so exploration
 * draws repeat across runs.
 */
final class PipelinePolicy implements FeedPolicy, EventSink {
    /** The ranker kind production serves by default ({@code ServeConfig}): the distilled student. */
    static final String RANKER_KIND = "ranker-student";

    private final World world;
    private final PipelineStack stack;
    private final EventLog log;
    private final IdDictionary storeVideos;
    private final ModelRegistry registry;
    private final ModelTrainer trainer;
    private final int retrainEveryDays;
    private final long seed;
    private final String rankerKind;
    private final List<Event> pending = new ArrayList<>();
    private long requests;
    private int retrains;

    PipelinePolicy(World world, PipelineStack stack, EventLog log, IdDictionary storeVideos, ModelRegistry registry,
                   ModelTrainer trainer, int retrainEveryDays, long seed, String rankerKind) {
        if (retrainEveryDays < 0) {
            throw new IllegalArgumentException("retrainEveryDays must be ≥ 0 (0 = never), got " + retrainEveryDays);
        }
        this.world = world;
        this.stack = stack;
        this.log = log;
        this.storeVideos = storeVideos;
        this.registry = registry;
        this.trainer = trainer;
        this.retrainEveryDays = retrainEveryDays;
        this.seed = seed;
        this.rankerKind = rankerKind;
    }

    @Override
    public AppendResult append(List<? extends Event> batch) {
        pending.addAll(batch);
        return new AppendResult(new long[batch.size()], batch.size(), 0);
    }

    @Override
    public int[] recommend(int user, long timeMillis, int k) {
        flush();
        long n = requests++;
        FeedQuery query = FeedQuery.of("sim-q" + n, World.userId(user), k, timeMillis, SimRandom.mix(seed ^ n), false);
        List<Candidate> items = stack.serve(query).items();
        int[] out = new int[Math.min(k, items.size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = world.videoIndex(storeVideos.external(items.get(i).video()));
        }
        return out;
    }

    @Override
    public void dayStarted(int day, long dayStartMillis) {
        if (retrainEveryDays == 0 || day == 0 || day % retrainEveryDays != 0) {
            return;
        }
        flush();
        try {
            trainer.train(log, registry);
            stack.loadPromoted(registry, rankerKind);
            retrains++;
        } catch (IOException e) {
            throw new UncheckedIOException("retraining on simulated day " + day + " failed", e);
        } catch (Exception e) {
            throw new IllegalStateException("loading the retrained models on simulated day " + day + " failed", e);
        }
    }

    /** Appends the collected events to the log and applies them. */
    void flush() {
        if (!pending.isEmpty()) {
            log.append(pending);
            pending.clear();
        }
        stack.catchUp();
    }

    long requests() {
        return requests;
    }

    int retrains() {
        return retrains;
    }
}
