package dev.marquee.server.simulate;

import dev.marquee.events.EventLog;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.sim.ClosedLoopConfig;
import dev.marquee.sim.World;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Entry point of a whole simulation: a scratch directory, the shared text-vector cache (seeded from the data
 * directory's, which is never written), the {@link StartingState}, then the {@link SimulationRunner}. The
 * scratch directory is deleted at the end, whatever happens.
 */
public final class Simulation {
    private Simulation() {
    }

    /**
     * Training and retraining settings.
     *
     * @param epochs           maximum epochs per training
     * @param sample           share of feed requests sampled into the ranker dataset
     * @param maxRows          ranker rows at most
     * @param retrainEveryDays retrain at the start of every N-th simulated day; 0 = never
     */
    public record Budget(int epochs, double sample, int maxRows, int retrainEveryDays) {
        public Budget {
            new ModelTrainer.TrainingBudget(epochs, sample, maxRows);
            if (retrainEveryDays < 0) {
                throw new IllegalArgumentException("retrainEveryDays must be ≥ 0, got " + retrainEveryDays);
            }
        }
    }

    /**
     * @param source      the data directory's event log (read only)
     * @param textVectors the data directory's text-vector cache (copied if present, never written)
     */
    public static List<PolicyOutcome> run(World world, ClosedLoopConfig loop, EventLog source, Path textVectors,
                                          Budget budget, List<SimulatedPolicy> policies, PrintStream progress)
            throws Exception {
        return run(world, loop, source, textVectors, budget, policies, PipelinePolicy.RANKER_KIND, progress);
    }

    /**
     * As above, serving the ranker of registry kind {@code rankerKind} ({@code ranker-student} as production
     * does by default, or the {@code ranker} teacher) in every pipeline policy.
     */
    public static List<PolicyOutcome> run(World world, ClosedLoopConfig loop, EventLog source, Path textVectors,
                                          Budget budget, List<SimulatedPolicy> policies, String rankerKind,
                                          PrintStream progress) throws Exception {
        if (!rankerKind.equals("ranker") && !rankerKind.equals("ranker-student")) {
            throw new IllegalArgumentException("ranker kind must be ranker or ranker-student, got " + rankerKind);
        }
        Path work = Files.createTempDirectory("marquee-simulate");
        ExecutorService encoderPool = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("sim-encoder").factory());
        try {
            Path texts = work.resolve("text-vectors.bin");
            if (Files.isRegularFile(textVectors)) {
                Files.copy(textVectors, texts);
            }
            try (TextVectorStore store = TextVectorStore.open(texts, TextEncoder.DIMENSION)) {
                VideoTextVectors vectors = new VideoTextVectors(store, new TextEncoder(encoderPool, 10_000));
                ModelTrainer trainer = new ModelTrainer(vectors,
                        new ModelTrainer.TrainingBudget(budget.epochs(), budget.sample(), budget.maxRows()), progress);
                StartingState start = StartingState.prepare(source, loop.startMillis(), work.resolve("base"),
                        policies.stream().anyMatch(SimulatedPolicy::usesPipeline) ? trainer : null, progress);
                return new SimulationRunner(world, loop, start, source, vectors, trainer, budget.retrainEveryDays(), work,
                        progress, rankerKind).run(policies);
            }
        } finally {
            encoderPool.shutdownNow();
            StartingState.deleteTree(work);
        }
    }
}
