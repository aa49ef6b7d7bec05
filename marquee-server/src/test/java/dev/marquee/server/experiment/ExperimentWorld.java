package dev.marquee.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Clock;
import dev.marquee.server.DataDir;
import dev.marquee.server.Main;
import dev.marquee.training.registry.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A world for experiments (1,500 videos, 1,200 users, 3 days) with a ranker trained on the full history, so it
 * passes the promotion gate and score weights matter; generated once under {@code target/} and reused (the test
 * only reads it).
 */
final class ExperimentWorld {
    private static final Path TEMPLATE = Path.of("target", "experiment-world");

    private ExperimentWorld() {
    }

    static synchronized DataDir get() throws IOException {
        DataDir dir = new DataDir(TEMPLATE);
        if (dir.hasEvents() && new ModelRegistry(dir.models(), Clock.SYSTEM).current("ranker-student").isPresent()) {
            return dir;
        }
        if (Files.exists(TEMPLATE)) {
            try (Stream<Path> old = Files.walk(TEMPLATE)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        assertThat(Main.run("generate", "--data", TEMPLATE.toString(), "--videos", "1500", "--users", "1200", "--days", "3",
                "--seed", "7", "--start", "2026-01-01")).isZero();
        assertThat(Main.run("train", "--data", TEMPLATE.toString(), "--model", "ranker", "--sample", "1.0")).isZero();
        assertThat(new ModelRegistry(dir.models(), Clock.SYSTEM).current("ranker-student"))
                .as("the experiment world's ranker passed the promotion gate").isPresent();
        return dir;
    }
}
