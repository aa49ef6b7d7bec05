package dev.marquee.server;

import dev.marquee.events.EventLog;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.TrainingProgress;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.training.registry.GateDecision;
import dev.marquee.training.registry.ModelRegistry;
import dev.marquee.training.twotower.TwoTowerJobConfig;
import dev.marquee.training.twotower.TwoTowerJobListener;
import dev.marquee.training.twotower.TwoTowerTrainJob;
import dev.marquee.training.twotower.TwoTowerTrainResult;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Runs the two-tower job with a progress line per phase (throttled) and reports its holdout results. */
final class TwoTowerRun {
    private TwoTowerRun() {
    }

    /** Opens the data directory's text-vector cache itself (the CLI path). */
    static GateDecision run(DataDir dir, EventLog log, ModelRegistry registry, Consumer<String> report) throws IOException {
        ExecutorService encoderPool = Executors.newFixedThreadPool(2);
        try (TextVectorStore texts = TextVectorStore.open(dir.root().resolve("text-vectors.bin"), TextEncoder.DIMENSION)) {
            return run(log, new VideoTextVectors(texts, new TextEncoder(encoderPool, 10_000)), registry, report);
        } finally {
            encoderPool.shutdownNow();
        }
    }

    /** Shares the caller's text vectors (the serving process, which already has the cache open). */
    static GateDecision run(EventLog log, VideoTextVectors vectors, ModelRegistry registry, Consumer<String> report)
            throws IOException {
        TwoTowerJobListener listener = new TwoTowerJobListener() {
            private String lastPhase = "";
            private long lastPrint;

            @Override
            public void phase(String name, long done, long total) {
                long now = System.nanoTime();
                if (!name.equals(lastPhase) || now - lastPrint > 2_000_000_000L || done == total) {
                    report.accept(String.format("two-tower: %s %,d%s", name, done, total > 0 ? String.format("/%,d", total) : ""));
                    lastPhase = name;
                    lastPrint = now;
                }
            }

            @Override
            public void training(TrainingProgress p) {
                if (p.epochEnd()) {
                    report.accept(String.format("two-tower: epoch %d train loss %.4f validation loss %.4f, %,.0f examples/s%s",
                            p.epoch(), p.trainLoss(), p.validationLoss(), p.examplesPerSecond(), p.best() ? " (best)" : ""));
                }
            }
        };
        TwoTowerTrainResult r = new TwoTowerTrainJob(registry, TwoTowerJobConfig.defaults(), TwoTowerTrainJob.defaultGate())
                .run(log, vectors, listener);
        report.accept(String.format("two-tower: %s — %,d train examples, %.0f examples/s; %s", r.version(), r.trainExamples(),
                r.examplesPerSecond(), r.gate()));
        report.accept(r.freshTierTable());
        report.accept(r.report().table());
        report.accept(String.format("two-tower: Recall@500 %.4f with the fresh tier, %.4f pooled (one search, no tier)",
                r.report().twoTowerRecall(500), r.pooledReport().twoTowerRecall(500)));
        return r.gate();
    }
}
