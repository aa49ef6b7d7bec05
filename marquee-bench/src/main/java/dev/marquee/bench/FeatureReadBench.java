package dev.marquee.bench;

import dev.marquee.features.VideoFeatureBatch;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One batch read of 1,000 random videos' features ({@code InMemoryFeatureStore.videoFeatures}: metadata, decayed
 * 1 h/24 h counters, totals, rates, trending, creator figures — about {@value #BYTES_PER_VIDEO} bytes of output
 * per video) against two limits over the same bytes: {@code scanSameBytes} sums a contiguous array of that size
 * (cache/streaming bound) and {@code gatherSameBytes} reads 1,000 random {@value #BYTES_PER_VIDEO}-byte rows of
 * a table as large as the store's catalogue (DRAM latency bound, ~4 cache lines per video). Sample mode: p50/p99.
 * <pre>
 * java -cp marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt) org.openjdk.jmh.Main FeatureReadBench -rf json
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class FeatureReadBench {
    static final int BYTES_PER_VIDEO = 200;
    private static final int LONGS = BYTES_PER_VIDEO / 8;
    private static final int BATCH = 1000;

    @Param({"100000"})
    public int videos;

    private SyntheticWorld world;
    private final VideoFeatureBatch out = new VideoFeatureBatch(BATCH);
    private int[][] requests;
    private long[] contiguous;
    private long[] table;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        world = new SyntheticWorld(videos, 2000, 200_000, 3);
        requests = new int[64][];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = world.randomVideos(BATCH, 100 + i);
        }
        contiguous = new long[BATCH * LONGS];
        table = new long[videos * LONGS];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < table.length; i++) {
            table[i] = r.nextLong();
        }
        for (int i = 0; i < contiguous.length; i++) {
            contiguous[i] = r.nextLong();
        }
    }

    @Benchmark
    public double storeRead1000() {
        int[] ids = requests[next++ & 63];
        world.store.videoFeatures(ids, BATCH, SyntheticWorld.NOW, out);
        return out.ctr(BATCH - 1);
    }

    @Benchmark
    public long scanSameBytes() {
        long s = 0;
        for (long v : contiguous) {
            s += v;
        }
        return s;
    }

    @Benchmark
    public long gatherSameBytes() {
        int[] ids = requests[next++ & 63];
        long s = 0;
        for (int i = 0; i < BATCH; i++) {
            int base = (ids[i] % videos) * LONGS;
            for (int j = 0; j < LONGS; j++) {
                s += table[base + j];
            }
        }
        return s;
    }
}
