package dev.marquee.server.cli;

import dev.marquee.events.EventLog;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.TrainingProgress;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.server.DataDir;
import dev.marquee.training.registry.ModelRegistry;
import dev.marquee.training.twotower.TwoTowerJobConfig;
import dev.marquee.training.twotower.TwoTowerJobListener;
import dev.marquee.training.twotower.TwoTowerTrainJob;
import dev.marquee.training.twotower.TwoTowerTrainResult;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs the two-tower job from the CLI with a progress line per phase and prints its holdout report. */
final class TwoTowerTraining {
    private TwoTowerTraining() {
    }

    static void run(DataDir dir, EventLog log, ModelRegistry registry) throws IOException {
        ExecutorService encoderPool = Executors.newFixedThreadPool(2);
        try (TextVectorStore texts = TextVectorStore.open(dir.root().resolve("text-vectors.bin"), TextEncoder.DIMENSION)) {
            VideoTextVectors vectors = new VideoTextVectors(texts, new TextEncoder(encoderPool, 10_000));
            TwoTowerJobListener listener = new TwoTowerJobListener() {
                private String lastPhase = "";
                private long lastPrint;

                @Override
                public void phase(String name, long done, long total) {
                    long now = System.nanoTime();
                    if (!name.equals(lastPhase) || now - lastPrint > 2_000_000_000L || done == total) {
                        System.err.printf("two-tower: %s %,d%s%n", name, done, total > 0 ? String.format("/%,d", total) : "");
                        lastPhase = name;
                        lastPrint = now;
                    }
                }

                @Override
                public void training(TrainingProgress p) {
                    if (p.epochEnd()) {
                        System.err.printf("two-tower: epoch %d train loss %.4f validation loss %.4f, %,.0f examples/s%s%n",
                                p.epoch(), p.trainLoss(), p.validationLoss(), p.examplesPerSecond(), p.best() ? " (best)" : "");
                    }
                }
            };
            TwoTowerJobConfig cfg = TwoTowerJobConfig.defaults();
            TwoTowerTrainResult r = new TwoTowerTrainJob(registry, cfg, TwoTowerTrainJob.defaultGate())
                    .run(log, vectors, listener);
            System.err.printf("two-tower: %s — %,d train examples, %.0f examples/s; %s%n", r.version(), r.trainExamples(),
                    r.examplesPerSecond(), r.gate());
            System.err.println(r.report());
        } finally {
            encoderPool.shutdownNow();
        }
    }
}
