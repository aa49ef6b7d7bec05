package dev.marquee.bench;

import dev.marquee.ann.ExactIndex;
import dev.marquee.ann.HnswIndex;
import dev.marquee.ann.IndexConfig;
import dev.marquee.ann.IvfIndex;
import dev.marquee.ann.IvfSettings;
import dev.marquee.ann.Neighbours;
import dev.marquee.ann.VectorBatch;
import dev.marquee.ann.VectorSearcher;
import java.util.BitSet;
import java.util.Locale;
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
 * ANN top-500 over N × 64-d clustered unit vectors, one thread, SampleTime (p50/p99 per query): the exact
 * Vector API scan ({@link ExactIndex}, the physical floor every index is compared with), the IVF index with its
 * int8 residual scan + float re-rank ({@link IvfSettings#defaults()}), the same IVF scanning floats
 * ({@code ivfFloatTop500}), and the Lucene HNSW ({@link IndexConfig#defaults()}: M=32, ef=1600, mmap). Each
 * index lives in its own state, built only when one of its benchmarks is selected; setup prints build time,
 * bytes per video and recall@500 against the exact answer over 64 queries. The 1M HNSW graph takes 25–45 min
 * to build on this box: exclude it with {@code -e hnsw}. Smoke run (20k vectors):
 * <pre>
 * JMH_ARGS="-p vectors=20000 -wi 1 -i 1 -r 2s" bin/bench-jmh.sh /tmp/jmh AnnQueryBench
 * </pre>
 * Full size (the row), exact and IVF in one run, HNSW alone in another:
 * <pre>
 * JMH_ARGS="-p vectors=1000000 -e hnsw" bin/bench-jmh.sh /tmp/jmh AnnQueryBench
 * JMH_ARGS="-p vectors=1000000 -e ivf -e exact" bin/bench-jmh.sh /tmp/jmh-hnsw AnnQueryBench
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class AnnQueryBench {
    static final int K = 500;
    private static final int RECALL_QUERIES = 64;

    /** The shared data set: vectors, queries and (lazily) the exact answers the recall is measured against. */
    @State(Scope.Benchmark)
    public static class Data {
        @Param({"1000000"})
        public int vectors;

        VectorBatch batch;
        float[][] queries;
        private Neighbours[] truth;

        @Setup(Level.Trial)
        public void generate() {
            ClusteredVectors world = new ClusteredVectors(64, Math.max(50, vectors / 1000), 7);
            batch = world.sample(vectors, 0, 11);
            queries = world.queries(256, 13);
        }

        /** Recall@500 of {@code index} over the first 64 queries (exact answers computed once). */
        double recall(VectorSearcher index) {
            if (truth == null) {
                ExactIndex exact = ExactIndex.of(batch);
                truth = new Neighbours[RECALL_QUERIES];
                for (int q = 0; q < RECALL_QUERIES; q++) {
                    truth[q] = exact.search(queries[q], K, VectorSearcher.ACCEPT_ALL);
                }
            }
            long found = 0;
            long expected = 0;
            for (int q = 0; q < RECALL_QUERIES; q++) {
                BitSet ids = new BitSet();
                for (int id : truth[q].ids()) {
                    ids.set(id);
                }
                for (int id : index.search(queries[q], K, VectorSearcher.ACCEPT_ALL).ids()) {
                    found += ids.get(id) ? 1 : 0;
                }
                expected += truth[q].size();
            }
            return (double) found / expected;
        }

        /** Prints build wall and CPU time (the box is shared: CPU time is what one core would take). */
        void report(String name, VectorSearcher index, long buildNanos, long buildCpuNanos) {
            System.out.printf(Locale.ROOT,
                    "%n[ann] %s over %,d vectors: build %.1f s wall / %.1f s CPU, %.1f B/video, recall@%d %.4f%n",
                    name, vectors, buildNanos / 1e9, buildCpuNanos / 1e9, (double) index.bytesUsed() / vectors, K,
                    recall(index));
        }
    }

    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @State(Scope.Benchmark)
    public static class Exact {
        ExactIndex index;

        @Setup(Level.Trial)
        public void build(Data data) {
            index = ExactIndex.of(data.batch);
        }
    }

    @State(Scope.Benchmark)
    public static class Ivf {
        IvfIndex int8;

        @Setup(Level.Trial)
        public void build(Data data) {
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            int8 = IvfIndex.build(data.batch, IndexConfig.defaults());
            data.report("IVF int8 " + IvfSettings.defaults(), int8, System.nanoTime() - t0, cpuNanos() - c0);
        }
    }

    @State(Scope.Benchmark)
    public static class IvfFloat {
        IvfIndex floats;

        @Setup(Level.Trial)
        public void build(Data data) {
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            floats = IvfIndex.build(data.batch,
                    IndexConfig.defaults().withIvf(IvfSettings.defaults().withQuantized(false)));
            data.report("IVF float (no int8)", floats, System.nanoTime() - t0, cpuNanos() - c0);
        }
    }

    @State(Scope.Benchmark)
    public static class Hnsw {
        HnswIndex index;

        @Setup(Level.Trial)
        public void build(Data data) {
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            index = HnswIndex.build(data.batch, IndexConfig.defaults());
            data.report("HNSW M=32 ef=1600", index, System.nanoTime() - t0, cpuNanos() - c0);
        }

        @TearDown(Level.Trial)
        public void close() {
            index.close();
        }
    }

    /** Round-robins over the query set per benchmark thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        float[] next(Data data) {
            return data.queries[next++ & 255];
        }
    }

    @Benchmark
    public Neighbours exactTop500(Data data, Exact exact, Cursor cursor) {
        return exact.index.search(cursor.next(data), K, VectorSearcher.ACCEPT_ALL);
    }

    @Benchmark
    public Neighbours ivfTop500(Data data, Ivf ivf, Cursor cursor) {
        return ivf.int8.search(cursor.next(data), K, VectorSearcher.ACCEPT_ALL);
    }

    @Benchmark
    public Neighbours ivfFloatTop500(Data data, IvfFloat ivf, Cursor cursor) {
        return ivf.floats.search(cursor.next(data), K, VectorSearcher.ACCEPT_ALL);
    }

    @Benchmark
    public Neighbours hnswTop500(Data data, Hnsw hnsw, Cursor cursor) {
        return hnsw.index.search(cursor.next(data), K, VectorSearcher.ACCEPT_ALL);
    }
}
