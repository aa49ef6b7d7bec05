package dev.marquee.bench;

import dev.marquee.events.LogRecord;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The feature updater's apply step: batches of 1,000 interaction records (impressions, clicks, views; users and
 * videos uniform over a 20,000-video, 5,000-user store) applied to the in-memory store on one thread — decayed
 * counters, affinities, co-watch edges, watched sets, dedupe. Score: events/s (the real-time loop's ceiling).
 * Records are built per invocation, outside the measured call.
 * <pre>
 * java -cp marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt) org.openjdk.jmh.Main FeatureUpdateBench -rf json
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class FeatureUpdateBench {
    private static final int BATCH = 1000;
    private SyntheticWorld world;
    private final SplittableRandom random = new SplittableRandom(4);
    private List<LogRecord> batch;

    @Setup(Level.Trial)
    public void setUp() {
        world = new SyntheticWorld(20_000, 5_000, 100_000, 8);
    }

    @Setup(Level.Invocation)
    public void nextBatch() {
        batch = world.interactionBatch(BATCH, random);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int apply() {
        return world.store.apply(batch);
    }
}
