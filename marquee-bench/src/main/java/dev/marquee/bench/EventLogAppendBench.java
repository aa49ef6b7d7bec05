package dev.marquee.bench;

import dev.marquee.events.AppendResult;
import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.FileEventLog;
import dev.marquee.events.FileEventLogConfig;
import dev.marquee.events.Impression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable append throughput of {@link FileEventLog}: small interaction events in batches of 1,000 on one
 * thread, fsync per batch (the default; {@code fsyncIntervalMs > 0} switches to the interval policy to
 * separate CPU cost from fsync cost). Score is events/s (target: at least 1,000,000 with fsync per batch).
 * Each batch carries fresh eventIds, built outside the measured call, so dedupe never short-cuts it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class EventLogAppendBench {
    private static final int BATCH = 1000;

    @Param({"0", "100"})
    public long fsyncIntervalMs;

    private Path dir;
    private FileEventLog log;
    private final String[] users = new String[10_000];
    private final String[] videos = new String[50_000];
    private final List<Event> batch = new ArrayList<>(BATCH);
    private long seq;

    @Setup(Level.Trial)
    public void open() throws IOException {
        for (int i = 0; i < users.length; i++) {
            users[i] = "user-" + i;
        }
        for (int i = 0; i < videos.length; i++) {
            videos[i] = "video-" + i;
        }
        dir = Files.createTempDirectory("marquee-append-bench");
        FileEventLogConfig config = FileEventLogConfig.DEFAULTS;
        if (fsyncIntervalMs > 0) {
            config = config.withLog(config.log().withFsyncInterval(Duration.ofMillis(fsyncIntervalMs)));
        }
        log = FileEventLog.open(dir, config);
    }

    @Setup(Level.Invocation)
    public void nextBatch() {
        batch.clear();
        long ts = 1_750_000_000_000L;
        for (int i = 0; i < BATCH; i++) {
            long k = seq++;
            String u = users[(int) (k * 7 % users.length)];
            String v = videos[(int) (k * 13 % videos.length)];
            String id = "e-" + k;
            batch.add(k % 10 == 0 ? new Click(id, ts + k, u, v, "req-" + k / 20)
                    : new Impression(id, ts + k, u, v, "req-" + k / 20, (int) (k % 20)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public AppendResult append() {
        return log.append(batch);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        log.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
