package dev.marquee.bench;

import dev.marquee.core.Candidate;
import dev.marquee.features.VideoFeatureBatch;
import dev.marquee.feed.ranking.ItemEmbeddings;
import dev.marquee.feed.ranking.RankerFeatures;
import dev.marquee.models.MatMulKernel;
import dev.marquee.models.ProgressListener;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.ranker.RankerConfig;
import dev.marquee.models.ranker.RankerDataset;
import dev.marquee.models.ranker.RankerModel;
import dev.marquee.models.ranker.RankerShape;
import dev.marquee.models.ranker.RankerTrainer;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ranker's forward pass alone ({@link RankerModel#predict}, Vector API over the trained weights) on
 * {@code rows} assembled feature rows, against {@code matmulSameFlops}: one register-blocked GEMM
 * ({@link MatMulKernel#gemm}, rows × 128 · 128 × N) with N chosen so it does the same multiply-adds as the
 * network's dense layers — the physical limit of this kernel on this core. The ratio says how much the
 * network's shape (narrow heads, gates, normalisation, block hand-offs) costs over pure FMA throughput.
 * FLOPs per row: input layer counts numeric inputs only (categorical fields are folded lookups).
 * <pre>
 * java --add-modules jdk.incubator.vector -Dai.djl.offline=true -cp marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt) \
 *     org.openjdk.jmh.Main RankerInferenceBench -rf json -rff ranker-inference.json
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-Dai.djl.offline=true"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class RankerInferenceBench {
    private static final int K = 128;

    @Param({"100", "1000", "2000"})
    public int rows;

    @Param({"student", "shared-bottom", "mmoe"})
    public String shape;

    private RankerModel model;
    private float[] features;
    private float[] out;
    private float[] a;
    private float[] b;
    private float[] bias;
    private float[] c;
    private int n;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticWorld world = new SyntheticWorld(3000, 300, 20_000, 1);
        RankerFeatures rf = new RankerFeatures(world.store, ItemEmbeddings.NONE, true);
        int base = 1000;
        int[] ids = world.randomVideos(base, 3);
        List<Candidate> candidates = new ArrayList<>(base);
        for (int i = 0; i < base; i++) {
            Candidate cand = Candidate.from(ids[i], "bench", 1f);
            cand.row(i);
            candidates.add(cand);
        }
        VideoFeatureBatch batch = new VideoFeatureBatch(base);
        world.store.videoFeatures(ids, base, SyntheticWorld.NOW, batch);
        int width = rf.width();
        float[] assembled = new float[base * width];
        rf.assemble(world.store.user("u1", SyntheticWorld.NOW), null, batch, candidates, SyntheticWorld.NOW, assembled);
        features = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(assembled, (r % base) * width, features, r * width, width);
        }
        SplittableRandom random = new SplittableRandom(2);
        float[] labels = new float[base * 3];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextDouble() < 0.1 ? 1f : 0f;
        }
        RankerShape s = switch (shape) {
            case "mmoe" -> RankerShape.mmoe();
            case "shared-bottom" -> RankerShape.sharedBottom();
            default -> RankerShape.student();
        };
        RankerDataset data = new RankerDataset(rf.schema(), base, assembled, labels);
        model = RankerTrainer.train(data, data, RankerConfig.defaults().withShape(s)
                .withTraining(TrainingConfig.defaults().withEpochs(1, 1)), ProgressListener.none());
        out = new float[rows * 3];
        long flopsPerRow = flopsPerRow(s, rf.schema().numericCount());
        int lanes2 = 2 * MatMulKernel.lanes();
        n = (int) Math.max(lanes2, Math.round(flopsPerRow / (2.0 * K) / lanes2) * lanes2);
        a = new float[rows * K];
        b = new float[K * n];
        bias = new float[n];
        c = new float[rows * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextGaussian() * 0.1f;
        }
        System.out.printf("%n[ranker] %s: %d numeric inputs, ~%,d FLOPs/row; reference GEMM %d×%d·%d×%d (%,d FLOPs/row)%n",
                shape, rf.schema().numericCount(), flopsPerRow, rows, K, K, n, 2L * K * n);
    }

    static long flopsPerRow(RankerShape s, int numeric) {
        int branches = s.experts();
        long mm = (long) numeric * s.hidden1() * branches + (long) s.hidden1() * s.hidden2() * branches
                + 3L * s.hidden2() * s.towerHidden() + 3L * s.towerHidden();
        if (branches > 1) {
            mm += 3L * numeric * branches;
        }
        return 2 * mm;
    }

    @Benchmark
    public float predict() {
        model.predict(features, rows, out);
        return out[0];
    }

    @Benchmark
    public float matmulSameFlops() {
        MatMulKernel.gemm(a, 0, K, rows, K, b, 0, n, bias, 0, n, c, 0, n, false, true);
        return c[0];
    }

    @TearDown(Level.Trial)
    public void close() {
        model.close();
    }
}
