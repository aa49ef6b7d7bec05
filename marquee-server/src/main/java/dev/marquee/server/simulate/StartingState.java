package dev.marquee.server.simulate;

import dev.marquee.core.Clock;
import dev.marquee.events.Event;
import dev.marquee.events.EventLog;
import dev.marquee.events.FileEventLog;
import dev.marquee.events.FileEventLogConfig;
import dev.marquee.events.LogRecord;
import dev.marquee.events.SegmentedLogConfig;
import dev.marquee.features.FeatureSnapshot;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.server.Replay;
import dev.marquee.training.registry.ModelRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The state every policy of a run starts from, written once under {@code base/}: the data directory's event
 * log up to the first simulated instant ({@code events/}), the feature store replayed from it
 * ({@code features.snapshot}) and models trained on it ({@code models/}). Models are trained on the prefix
 * rather than taken from the data directory's registry, because those saw the very days being re-played.
 * {@link #copyTo} gives each policy its own writable copy.
 *
 * @param cutOffset records of the source log before the first simulated instant (= the prefix length)
 */
record StartingState(Path base, long cutOffset) {
    /** Simulation logs need no fsync: a crashed run is simply rerun. */
    static final FileEventLogConfig LOG_CONFIG = FileEventLogConfig.DEFAULTS
            .withLog(SegmentedLogConfig.DEFAULTS.withFsyncInterval(Duration.ofHours(1)));

    Path events() {
        return base.resolve("events");
    }

    Path snapshot() {
        return base.resolve("features.snapshot");
    }

    Path models() {
        return base.resolve("models");
    }

    /** Writes the base directory; models are trained only when {@code trainer} is non-null (a pipeline policy runs). */
    static StartingState prepare(EventLog source, long startMillis, Path base, ModelTrainer trainer, PrintStream progress)
            throws IOException {
        Files.createDirectories(base);
        StartingState state;
        try (FileEventLog prefix = FileEventLog.open(base.resolve("events"), LOG_CONFIG)) {
            long cut = copyPrefix(source, prefix, startMillis);
            state = new StartingState(base, cut);
            progress.printf("simulate: starting state = %,d events before the first simulated day%n", cut);
            InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
            Replay.into(store, prefix, offset -> { });
            FeatureSnapshot.write(store, state.snapshot());
            if (trainer != null) {
                progress.println("simulate: training the starting models on that prefix");
                trainer.train(prefix, new ModelRegistry(state.models(), Clock.SYSTEM));
            }
        }
        return state;
    }

    /** Copies records up to (excluding) the first with a timestamp ≥ {@code startMillis}; returns how many. */
    private static long copyPrefix(EventLog source, EventLog target, long startMillis) {
        long next = 0;
        long end = source.endOffset();
        while (next < end) {
            List<LogRecord> batch = source.read(next, 8192);
            if (batch.isEmpty()) {
                break;
            }
            List<Event> events = new ArrayList<>(batch.size());
            for (LogRecord r : batch) {
                if (r.event().timestamp() >= startMillis) {
                    target.append(events);
                    return r.offset();
                }
                events.add(r.event());
            }
            target.append(events);
            next = batch.getLast().offset() + 1;
        }
        return next;
    }

    /** Copies the base directory's files into {@code dir} (a fresh directory per policy). */
    void copyTo(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(base)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(base.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
