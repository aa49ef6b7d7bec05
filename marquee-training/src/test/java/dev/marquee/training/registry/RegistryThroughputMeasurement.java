package dev.marquee.training.registry;

import dev.marquee.core.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Prints what registry operations cost on this disk: registering (copy + SHA-256 + fsync) and loading
 * (re-hash) one large artifact, promoting, and registering a small model. A main, not a test: run with the
 * test classpath. Args: artifact MiB (default 64), rounds (default 3), directory (default a temp dir).
 */
public final class RegistryThroughputMeasurement {
    public static void main(String[] args) throws IOException {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = args.length > 2 ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("registry-measure");
        Path big = Files.createDirectories(work.resolve("big-output"));
        byte[] chunk = new byte[1 << 20];
        new Random(7).nextBytes(chunk);
        try (var out = Files.newOutputStream(big.resolve("model.params"))) {
            for (int i = 0; i < mib; i++) {
                out.write(chunk);
            }
        }
        Path small = RegistryFixtures.trainerOutput(work, 1);
        var registry = new ModelRegistry(work.resolve("registry"), Clock.SYSTEM);
        var draft = RegistryFixtures.draft(Map.of("auc", 0.7));
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            String v = registry.register("ranker", big, draft).version();
            long t1 = System.nanoTime();
            registry.load("ranker", v);
            long t2 = System.nanoTime();
            registry.promote("ranker", v);
            long t3 = System.nanoTime();
            registry.register("two-tower", small, draft);
            long t4 = System.nanoTime();
            System.out.printf("round %d: register %d MiB %.0f ms (%.0f MiB/s), load+verify %.0f ms (%.0f MiB/s), "
                            + "promote (verify + pointer) %.0f ms, register 3 small files %.1f ms%n",
                    r, mib, ms(t1 - t0), mib / (ms(t1 - t0) / 1000), ms(t2 - t1), mib / (ms(t2 - t1) / 1000),
                    ms(t3 - t2), ms(t4 - t3));
        }
        if (args.length <= 2) {
            DurableFiles.deleteTree(work);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
