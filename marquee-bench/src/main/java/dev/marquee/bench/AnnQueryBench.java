package dev.marquee.bench;

import dev.marquee.ann.ExactIndex;
import dev.marquee.ann.HnswIndex;
import dev.marquee.ann.IndexConfig;
import dev.marquee.ann.Neighbours;
import dev.marquee.ann.VectorBatch;
import dev.marquee.ann.VectorSearcher;
import java.util.HashSet;
import java.util.Set;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ANN top-500 over N × 64-d clustered unit vectors, one thread: the serving HNSW ({@link IndexConfig#defaults()}:
 * float, M=32, ef=1600, memory-mapped) against the exact Vector API scan ({@link ExactIndex}) in the same run —
 * the exact scan is the physical floor an index must beat. Setup prints recall@500 of HNSW vs exact over the
 * query set. Default N = 200,000 (the 1M build takes minutes of one core on this shared box; pass
 * {@code -p vectors=1000000 -jvmArgs -Xmx8g} for the full size). Sample mode: p50/p99.
 * <pre>
 * java --add-modules jdk.incubator.vector -cp marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt) \
 *     org.openjdk.jmh.Main AnnQueryBench -rf json -rff ann-query.json
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class AnnQueryBench {
    static final int K = 500;

    @Param({"200000"})
    public int vectors;

    private HnswIndex hnsw;
    private ExactIndex exact;
    private float[][] queries;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        ClusteredVectors world = new ClusteredVectors(64, Math.max(50, vectors / 1000), 7);
        VectorBatch batch = world.sample(vectors, 0, 11);
        exact = ExactIndex.of(batch);
        long t0 = System.nanoTime();
        hnsw = HnswIndex.build(batch, IndexConfig.defaults());
        System.out.printf("%n[ann] built HNSW over %,d vectors in %.1f s; ", vectors, (System.nanoTime() - t0) / 1e9);
        queries = world.queries(256, 13);
        double recall = 0;
        int measured = 32;
        for (int q = 0; q < measured; q++) {
            Set<Integer> truth = new HashSet<>();
            for (int id : exact.search(queries[q], K, VectorSearcher.ACCEPT_ALL).ids()) {
                truth.add(id);
            }
            int hit = 0;
            for (int id : hnsw.search(queries[q], K, VectorSearcher.ACCEPT_ALL).ids()) {
                hit += truth.contains(id) ? 1 : 0;
            }
            recall += hit / (double) truth.size();
        }
        System.out.printf("recall@%d = %.4f over %d queries%n", K, recall / measured, measured);
    }

    @Benchmark
    public Neighbours hnswTop500() {
        return hnsw.search(queries[next++ & 255], K, VectorSearcher.ACCEPT_ALL);
    }

    @Benchmark
    public Neighbours exactTop500() {
        return exact.search(queries[next++ & 255], K, VectorSearcher.ACCEPT_ALL);
    }

    @TearDown(Level.Trial)
    public void close() {
        hnsw.close();
    }
}
