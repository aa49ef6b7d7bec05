package dev.marquee.bench;

import dev.marquee.ann.DeltaBufferedHnswIndex;
import dev.marquee.ann.HnswIndex;
import dev.marquee.ann.IndexConfig;
import dev.marquee.ann.IvfIndex;
import dev.marquee.ann.VectorBatch;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ANN inserts, two costs: {@code upsertFresh} is what a new upload pays on the serving path (into the exact delta
 * beside a 50k-vector HNSW, delta bounded at 100k ids; the rebuild threshold is raised so no background rebuild interferes), and
 * {@code graphBuildPerVector} is the amortised HNSW insertion cost of a background rebuild (Lucene's graph
 * builder, M=32, efConstruction=150, one thread), reported per vector. {@code ivfUpsert} is the IVF index's
 * native insert (nearest of 2048 centroids, int8 encode, copy-on-write of one list) into a 200k-vector IVF —
 * what an upload pays once the catalogue is large enough to serve from IVF. Average time per insert.
 * <pre>
 * java --add-modules jdk.incubator.vector -cp marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt) \
 *     org.openjdk.jmh.Main AnnInsertBench -rf json -rff ann-insert.json
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class AnnInsertBench {
    private static final int BUILD = 20_000;
    private final ClusteredVectors world = new ClusteredVectors(64, 200, 7);
    private DeltaBufferedHnswIndex index;
    private IvfIndex ivf;
    private VectorBatch buildBatch;
    private final SplittableRandom random = new SplittableRandom(5);
    private int nextId;
    private float[][] fresh;

    @Setup(Level.Trial)
    public void build() {
        IndexConfig cfg = IndexConfig.defaults().withDeltaRebuildThreshold(Integer.MAX_VALUE);
        index = DeltaBufferedHnswIndex.build(world.sample(50_000, 0, 11), cfg, Runnable::run);
        ivf = IvfIndex.build(world.sample(200_000, 0, 13), IndexConfig.defaults());
        buildBatch = world.sample(BUILD, 0, 17);
        fresh = new float[4096][];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = world.point(random);
        }
    }

    @Benchmark
    public int upsertFresh() {
        int id = 1_000_000 + (nextId++ % 100_000); // bounded delta: later rounds replace, as re-uploads do
        index.upsert(id, fresh[id & 4095]);
        return id;
    }

    @Benchmark
    public int ivfUpsert() {
        int id = 1_000_000 + (nextId++ % 100_000);
        ivf.upsert(id, fresh[id & 4095]);
        return id;
    }

    @Benchmark
    @OperationsPerInvocation(BUILD)
    @Warmup(iterations = 1, batchSize = 1)
    @Measurement(iterations = 3, batchSize = 1)
    @BenchmarkMode(Mode.SingleShotTime)
    public int graphBuildPerVector() {
        try (HnswIndex g = HnswIndex.build(buildBatch, IndexConfig.defaults())) {
            return g.size();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        index.close();
    }
}
