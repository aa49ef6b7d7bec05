package dev.marquee.server;

import dev.marquee.events.EventLog;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.training.registry.ModelRegistry;
import dev.marquee.training.registry.VersionManifest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch loop inside `marquee serve`: every {@code period}, when at least {@code minNewEvents} were appended
 * since the data the current models were trained on, runs a {@link TrainingRun} on one low-priority background
 * thread. The gate decides promotion; the registry watchers then hot-swap, so serving never blocks on training.
 * Models retrain on a schedule while features update instantly — the trade-off the architecture chose.
 * At most one run at a time; a failed run is logged and retried next period.
 */
public final class RetrainScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetrainScheduler.class);

    /**
     * @param period       how often to check (0 = never schedule; {@link #runNow()} still works)
     * @param minNewEvents new events needed since the current models' training data
     * @param options      what a run trains
     */
    public record Config(Duration period, long minNewEvents, TrainingRun.Options options) {
        public Config {
            if (period.isNegative() || minNewEvents < 1) {
                throw new IllegalArgumentException("retrain period must be ≥ 0 and minNewEvents ≥ 1");
            }
        }

        public static Config defaults() {
            return new Config(Duration.ofHours(1), 50_000, TrainingRun.Options.all());
        }
    }

    private final Config config;
    private final EventLog log;
    private final ModelRegistry registry;
    private final TrainingRun run;
    private final VideoTextVectors texts;
    private final ExecutorService worker;
    private final ScheduledFuture<?> tick;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Timer runs;
    private final Counter failures;

    public RetrainScheduler(Config config, DataDir dir, EventLog log, ModelRegistry registry, VideoTextVectors texts,
                            ScheduledExecutorService scheduler, MeterRegistry metrics) {
        this.config = config;
        this.log = log;
        this.registry = registry;
        this.texts = texts;
        this.run = new TrainingRun(dir, registry, config.options(), LOG::info, p -> { });
        this.worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().priority(Thread.MIN_PRIORITY)
                .name("marquee-retrain").factory());
        this.runs = Timer.builder("marquee.training.runs").description("scheduled training runs").register(metrics);
        this.failures = Counter.builder("marquee.training.failures").register(metrics);
        long p = config.period().toMillis();
        this.tick = p == 0 ? null : scheduler.scheduleWithFixedDelay(this::maybeRun, p, p, TimeUnit.MILLISECONDS);
    }

    /** Offset up to which the currently promoted models were trained (the newest across the trained kinds), -1 if none. */
    public long trainedThrough() throws IOException {
        long through = -1;
        for (String kind : List.of("two-tower", "ranker")) {
            var current = registry.current(kind);
            if (current.isPresent()) {
                VersionManifest m = registry.manifest(kind, current.get());
                through = Math.max(through, m.trainingData().eventLogTo());
            }
        }
        return through;
    }

    void maybeRun() {
        try {
            long fresh = log.endOffset() - Math.max(0, trainedThrough());
            if (fresh >= config.minNewEvents()) {
                LOG.info("retrain: {} new events since the current models' data; starting a training run", fresh);
                runNow();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("retrain check failed: {}", e.toString());
        }
    }

    /** Starts a run on the background thread unless one is running; the future completes with its outcome (null if skipped). */
    public Future<TrainingRun.Outcome> runNow() {
        if (!running.compareAndSet(false, true)) {
            LOG.info("retrain: a run is already in progress");
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return worker.submit(() -> {
            long t0 = System.nanoTime();
            try {
                TrainingRun.Outcome o = run.run(log, texts);
                LOG.info("retrain: finished in {} s through offset {}; promoted: {}", (System.nanoTime() - t0) / 1_000_000_000,
                        o.eventLogTo(), o.anyPromoted());
                return o;
            } catch (Exception e) {
                failures.increment();
                LOG.warn("retrain failed: {}", e.toString());
                throw e;
            } finally {
                runs.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                running.set(false);
            }
        });
    }

    public boolean running() {
        return running.get();
    }

    @Override
    public void close() {
        if (tick != null) {
            tick.cancel(false);
        }
        worker.shutdownNow();
    }
}
