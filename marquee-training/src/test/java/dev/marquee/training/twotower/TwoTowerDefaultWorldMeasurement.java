package dev.marquee.training.twotower;

import dev.marquee.core.Clock;
import dev.marquee.events.FileEventLog;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.TrainingProgress;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.sim.HistoryGenerator;
import dev.marquee.sim.HistoryStats;
import dev.marquee.sim.World;
import dev.marquee.sim.WorldConfig;
import dev.marquee.training.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The quality measurement, a main that only prints: the default world (50k videos, 20k users, 7 days)
 * generated into a FileEventLog, then one {@link TwoTowerTrainJob} with default settings, holdout = last day.
 * Run with the test classpath; arg 0 is a work directory (default /tmp/twotower-default) that keeps the log and
 * the text-vector store, so a second run skips generation and encoding.
 */
public final class TwoTowerDefaultWorldMeasurement {
    static final long START = 1_767_571_200_000L; // 2026-01-05T00:00Z

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/twotower-default"));
        Path events = work.resolve("events");
        Path done = work.resolve("generated.ok");
        long t0 = System.nanoTime();
        if (!Files.exists(done)) {
            World world = World.generate(WorldConfig.defaults(START));
            try (FileEventLog log = FileEventLog.open(events)) {
                HistoryStats stats = HistoryGenerator.baseline(world).generate(log, (n, f) -> {
                    if (n % 200_000 < 2_000) {
                        System.out.printf(Locale.ROOT, "generate: %,d events, %.0f%% of the period%n", n, f * 100);
                    }
                });
                System.out.println("generated " + stats + " in " + secs(t0) + " s");
            }
            Files.writeString(done, "ok");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (FileEventLog log = FileEventLog.open(events);
             TextVectorStore store = TextVectorStore.open(work.resolve("text-vectors.mqtv"), TextEncoder.DIMENSION)) {
            System.out.printf(Locale.ROOT, "log: %,d records; text store holds %,d vectors%n", log.endOffset(), store.size());
            VideoTextVectors texts = new VideoTextVectors(store, new TextEncoder(pool, 0));
            ModelRegistry registry = new ModelRegistry(work.resolve("registry"), Clock.SYSTEM);
            TwoTowerTrainJob job = new TwoTowerTrainJob(registry, TwoTowerJobConfig.defaults(), TwoTowerTrainJob.defaultGate());
            TwoTowerTrainResult r = job.run(log, texts, new PrintingListener());
            System.out.println(r.report().table());
            System.out.printf(Locale.ROOT, "version %s promoted=%s (%s)%n", r.version(), r.gate().promoted(), r.gate().reason());
            System.out.printf(Locale.ROOT, "examples: %,d train, %,d validation; epochs %d; %.0f examples/s (1 intra-op thread)%n",
                    r.trainExamples(), r.validationExamples(), r.epochs(), r.examplesPerSecond());
            System.out.printf(Locale.ROOT, "times: replay %s, text %s, train %s, evaluate %s, register %s%n",
                    r.datasetTime(), r.textTime(), r.trainTime(), r.evaluationTime(), r.registerTime());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long secs(long t0) {
        return (System.nanoTime() - t0) / 1_000_000_000L;
    }

    /** Prints phases every 5% and training reports every 20 steps (the CLI draws a bar from the same calls). */
    static final class PrintingListener implements TwoTowerJobListener {
        private final long start = System.nanoTime();
        private String lastPhase = "";
        private long lastPercent = -1;

        @Override
        public void phase(String name, long done, long total) {
            long percent = total == 0 ? 0 : done * 20 / total * 5;
            if (!name.equals(lastPhase) || percent != lastPercent) {
                System.out.printf(Locale.ROOT, "[%5d s] %s %d%% (%,d/%,d)%n", secs(start), name, percent, done, total);
                lastPhase = name;
                lastPercent = percent;
            }
        }

        @Override
        public void training(TrainingProgress p) {
            if (p.epochEnd() || p.step() % 200 == 0) {
                System.out.printf(Locale.ROOT, "[%5d s] epoch %d step %d: loss %.4f%s, %.0f examples/s%n", secs(start),
                        p.epoch(), p.step(), p.trainLoss(),
                        p.epochEnd() ? String.format(Locale.ROOT, " validation %.4f%s", p.validationLoss(), p.best() ? " (best)" : "") : "",
                        p.examplesPerSecond());
            }
        }
    }
}
