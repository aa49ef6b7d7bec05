package dev.marquee.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Clock;
import dev.marquee.training.registry.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A small world (800 videos, 400 users, 2 days) with a promoted ranker and student, generated and trained once
 * under {@code target/} and reused across runs; every test works on its own copy, since serving writes to it.
 */
public final class TrainedWorld {
    private static final Path TEMPLATE = Path.of("target", "reliability-world");

    private TrainedWorld() {
    }

    /** Copies the trained template into {@code target} (created) and returns it as a data directory. */
    public static synchronized DataDir copyTo(Path target) {
        Path template = template();
        try (Stream<Path> files = Files.walk(template)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(template.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.getFileName().toString().equals("api-token") && !p.getFileName().toString().endsWith(".lock")) {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DataDir(target);
    }

    private static Path template() {
        DataDir dir = new DataDir(TEMPLATE);
        try {
            if (dir.hasEvents() && new ModelRegistry(dir.models(), Clock.SYSTEM).current("ranker-student").isPresent()) {
                return TEMPLATE;
            }
            if (Files.exists(TEMPLATE)) {
                try (Stream<Path> old = Files.walk(TEMPLATE)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(Main.run("generate", "--data", TEMPLATE.toString(), "--videos", "800", "--users", "400", "--days", "2",
                "--seed", "5")).isZero();
        // every request sampled: a ranker must beat chance on the holdout to be promoted (RankerPublisher.MIN_AUC)
        assertThat(Main.run("train", "--data", TEMPLATE.toString(), "--model", "ranker", "--sample", "1.0",
                "--max-rows", "20000", "--epochs", "2")).isZero();
        return TEMPLATE;
    }
}
