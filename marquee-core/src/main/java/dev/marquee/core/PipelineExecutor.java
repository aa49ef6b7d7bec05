package dev.marquee.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place that knows about time: runs a {@link Pipeline} for one query with per-source budgets
 * inside an overall deadline, drops sources that fail or run late, replaces failing scorers by their
 * fallback, records per-stage timings and candidate counts, and hands side effects to a bounded
 * background queue. Components stay free of retry/timeout code.
 *
 * <p>Sources run on the source pool in parallel, or inline on the request thread when their {@link GatedSource}
 * says so (see {@link SourceRunner}). CPU-bound stages (filters, scorers, selectors) run on the request thread: they cannot be
 * pre-empted, so running late is recorded (metrics, {@code degraded}) but their result is kept, while a
 * scorer that throws is replaced by its fallback.
 */
public final class PipelineExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineExecutor.class);

    private final PipelineConfig config;
    private final ExecutorService sourcePool;
    private static final int DRAIN_SECONDS = 120;
    private final ThreadPoolExecutor sideEffectPool;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final LogThrottle throttle;
    private final SourceRunner sourceRunner;
    private final Map<String, Timer> stageTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * @param sourcePool runs candidate sources in parallel (virtual threads are a good fit)
     */
    public PipelineExecutor(PipelineConfig config, ExecutorService sourcePool, MeterRegistry metrics, Clock clock) {
        this.config = config;
        this.sourcePool = sourcePool;
        this.metrics = metrics;
        this.clock = clock;
        this.throttle = new LogThrottle(LOG, java.time.Duration.ofSeconds(30), clock);
        this.sourceRunner = new SourceRunner(sourcePool, clock, throttle, this::counter);
        this.sideEffectPool = new ThreadPoolExecutor(config.sideEffectThreads(), config.sideEffectThreads(),
                0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(config.sideEffectQueue()),
                r -> {
                    Thread t = new Thread(r, "marquee-side-effects");
                    t.setDaemon(true);
                    return t;
                },
                (r, pool) -> counter("marquee.side_effects.dropped", "queue-full").increment());
    }

    /** Runs the pipeline for one query; never throws for a component failure, only for a bug in the pipeline itself. */
    public PipelineResult execute(Pipeline pipeline, FeedQuery query) {
        long start = clock.nanos();
        long deadlineNanos = start + config.deadline().toNanos();
        Map<String, Double> timings = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> degraded = new LinkedHashMap<>();

        long t = clock.nanos();
        for (QueryHydrator h : pipeline.queryHydrators()) {
            h.hydrate(query);
        }
        t = stage("query-hydration", t, timings);

        List<Candidate> candidates = sourceRunner.run(pipeline.sources(), query, deadlineNanos, counts, degraded);
        t = stage("retrieval", t, timings);
        candidates = pipeline.merger().select(query, candidates);
        counts.put("merged", candidates.size());
        t = stage("merge", t, timings);

        for (Filter f : pipeline.filters()) {
            FilterResult r = f.apply(query, candidates);
            candidates = r.kept();
            counts.put("filter." + f.id(), r.removed().size());
            t = stage("filter." + f.id(), t, timings);
        }
        for (CandidateHydrator h : pipeline.candidateHydrators()) {
            h.hydrate(query, candidates);
            t = stage("hydration." + h.id(), t, timings);
        }
        for (ScoringStage s : pipeline.scorers()) {
            try {
                s.scorer().score(query, candidates);
            } catch (RuntimeException e) {
                throttle.warn("scorer." + s.scorer().id(), "scorer {} failed, falling back to {}: {}", s.scorer().id(),
                        s.fallback().id(), e.toString());
                degraded.put(s.scorer().id().name(), "failed: " + e.getClass().getSimpleName() + "; fallback " + s.fallback().id());
                counter("marquee.pipeline.fallbacks", s.scorer().id().name()).increment();
                s.fallback().score(query, candidates);
            }
            t = stage("scoring." + s.scorer().id(), t, timings);
            if (clock.nanos() > deadlineNanos) {
                degraded.putIfAbsent(s.scorer().id().name(), "late: past the request deadline");
                counter("marquee.pipeline.late", s.scorer().id().name()).increment();
            }
        }
        for (Selector s : pipeline.selectors()) {
            candidates = s.select(query, candidates);
            t = stage("select." + s.id(), t, timings);
        }
        timings.put("total", (clock.nanos() - start) / 1e6);
        record("total", clock.nanos() - start);
        PipelineResult result = new PipelineResult(query, candidates, timings, counts, degraded);
        for (SideEffect e : pipeline.sideEffects()) {
            sideEffectPool.execute(() -> {
                try {
                    e.run(query, result);
                } catch (RuntimeException ex) {
                    LOG.error("side effect {} failed", e.id(), ex);
                    counter("marquee.side_effects.failed", e.id().name()).increment();
                }
            });
        }
        return result;
    }

    private long stage(String name, long since, Map<String, Double> timings) {
        long now = clock.nanos();
        timings.put(name, (now - since) / 1e6);
        record(name, now - since);
        return now;
    }

    private void record(String stage, long nanos) {
        stageTimers.computeIfAbsent(stage, s -> Timer.builder("marquee.pipeline.stage")
                .tag("stage", s).publishPercentileHistogram().register(metrics)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter counter(String name, String component) {
        return counters.computeIfAbsent(name + "|" + component,
                k -> Counter.builder(name).tag("component", component).register(metrics));
    }

    /** Side effects waiting or running; for readiness/backpressure reporting. */
    public int pendingSideEffects() {
        return sideEffectPool.getQueue().size() + sideEffectPool.getActiveCount();
    }

    /**
     * Stops taking side effects and waits for the queued ones to finish (impressions are training data: a slow
     * disk must not truncate the log at shutdown), up to {@value #DRAIN_SECONDS} s; what is still pending then is
     * logged and counted as dropped.
     */
    @Override
    public void close() {
        sideEffectPool.shutdown();
        try {
            if (!sideEffectPool.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                int pending = pendingSideEffects();
                LOG.error("{} side effects still pending after {} s at shutdown; abandoning them", pending, DRAIN_SECONDS);
                counter("marquee.side_effects.dropped", "shutdown").increment(pending);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
