package dev.marquee.training.twotower;

import dev.marquee.events.InMemoryEventLog;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.models.twotower.TwoTowerConfig;
import dev.marquee.models.twotower.TwoTowerShape;
import dev.marquee.sim.HistoryGenerator;
import dev.marquee.sim.ProgressListener;
import dev.marquee.sim.World;
import dev.marquee.sim.WorldConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A 3,000-video, 1,500-user, 3-day simulated history and its text vectors, generated and encoded once per test
 * JVM and shared by the test classes of this package. Encoding the titles is the slow part, so the text-vector
 * store file lives under {@code target/} and later runs read it instead of encoding again.
 */
final class SmallWorld {
    static final long START = 1_767_571_200_000L; // 2026-01-05T00:00Z, a midnight so the last day is a whole day
    private static SmallWorld instance;

    final World world;
    final InMemoryEventLog log = new InMemoryEventLog();
    final Path textFile;
    final ExecutorService encoderPool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-text-encoder");
        t.setDaemon(true);
        return t;
    });
    final TextEncoder encoder = new TextEncoder(encoderPool, 0);

    private SmallWorld() throws IOException {
        world = World.generate(WorldConfig.defaults(START).scaledTo(3_000, 1_500).withDays(3));
        HistoryGenerator.baseline(world).generate(log, ProgressListener.NONE);
        // kept under target/ across runs: the store is keyed by id and text fingerprint, so reuse is always correct
        textFile = Files.createDirectories(Path.of("target", "twotower-test")).resolve("small-world-text.mqtv");
    }

    static synchronized SmallWorld get() {
        if (instance == null) {
            try {
                instance = new SmallWorld();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Text vectors backed by the shared store file; close the store when done. */
    TextVectorStore openTextStore() throws IOException {
        return TextVectorStore.open(textFile, TextEncoder.DIMENSION);
    }

    VideoTextVectors texts(TextVectorStore store) {
        return new VideoTextVectors(store, encoder);
    }

    /** A model sized for a 3,000-video world. */
    static TwoTowerJobConfig jobConfig() {
        TwoTowerShape shape = new TwoTowerShape(TextEncoder.DIMENSION, 16_384, 1_024, 64, 8, 64, 4, 50, 32, 16, 8, 8,
                128, 64, 0.05f, 0.5f, 0.1f);
        TrainingConfig training = new TrainingConfig(3e-3f, 128, 15, 3, 42L, 1, 1);
        return TwoTowerJobConfig.defaults().withModel(new TwoTowerConfig(shape, training));
    }
}
