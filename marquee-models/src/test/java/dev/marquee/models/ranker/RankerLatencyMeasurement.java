package dev.marquee.models.ranker;

import dev.marquee.models.MatMulKernel;
import dev.marquee.models.MlpWorkspace;
import dev.marquee.models.ParamInit;
import dev.marquee.models.TorchRuntime;
import dev.marquee.models.TrainingConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prints ranker latency for 1,000 rows on one thread (p50/p99 of the thread's CPU time, which a busy
 * shared box distorts far less than wall time) for the MMoE, shared-bottom and student shapes: the
 * serving path, the previous serving path ({@link PreviousRankerForward}), PyTorch, and one plain
 * {@code 1000 × 128 × N} matrix multiply with the network's nominal FLOPs, the physical limit, all
 * interleaved in one run. A main, not a test; args: rounds (default 15) of 20 calls per variant.
 */
public final class RankerLatencyMeasurement {
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final int ROWS = 1000;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        FeatureSchema schema = schema();
        float[] features = features(schema);
        TorchRuntime.start(1, 1);
        System.out.printf("%d rows, one thread, %s, CPU time per call%n", ROWS, jdk.incubator.vector.FloatVector.SPECIES_PREFERRED);
        for (RankerShape shape : List.of(RankerShape.mmoe(), RankerShape.sharedBottom(), RankerShape.student())) {
            RankerConfig config = RankerConfig.defaults().withShape(shape).withTraining(TrainingConfig.defaults());
            float[] mean = new float[40], inv = new float[40];
            Arrays.fill(inv, 1f);
            RankerSpec spec = new RankerSpec(config, schema, new FeatureNormalizer(mean, inv));
            RankerNetwork net = new RankerNetwork(shape, schema);
            try (RankerModel model = new RankerModel(spec, net.initialize(new ParamInit(1)))) {
                PreviousRankerForward previous = new PreviousRankerForward(spec, net, model.parameters());
                MlpWorkspace ws = new MlpWorkspace();
                long flopsPerRow = nominalFlopsPerRow(shape, schema.inputDim());
                int n = Math.max(16, Math.round(flopsPerRow / (2f * 128 * 16)) * 16);
                float[] a = new float[ROWS * 128], b = new float[128 * n], bias = new float[n], c = new float[ROWS * n];
                float[] out = new float[ROWS * 3], prev = new float[ROWS * 3], torch = new float[ROWS * 3];
                List<Runnable> variants = List.of(
                        () -> model.predict(features, ROWS, out),
                        () -> {
                            schema.validate(features, ROWS);
                            previous.predict(features, ROWS, prev, ws);
                        },
                        () -> model.predictWithTorch(features, ROWS, torch),
                        () -> MatMulKernel.gemm(a, 0, 128, ROWS, 128, b, 0, n, bias, 0, n, c, 0, n, false, false));
                double[][] ms = interleaved(variants, rounds);
                double nominal = flopsPerRow * ROWS / 1e6;
                System.out.printf("%s %d-%d x%d tower %d (%.0f nominal MFLOP):%n", shape.architecture(), shape.hidden1(),
                        shape.hidden2(), shape.experts(), shape.towerHidden(), nominal);
                String[] names = {"serving path (now)", "previous serving path", "PyTorch", "plain GEMM 1000x128x" + n};
                for (int v = 0; v < variants.size(); v++) {
                    double p50 = pct(ms[v], 0.5), p99 = pct(ms[v], 0.99);
                    System.out.printf("  %-26s p50 %6.2f ms  p99 %6.2f ms  %5.1f GFLOP/s  p50 / plain GEMM %.2f%n", names[v],
                            p50, p99, nominal / p50 * (v == 3 ? 2.0 * 128 * n / flopsPerRow : 1), p50 / pct(ms[3], 0.5));
                }
                System.out.printf("  now vs previous: p50 %.2fx faster, p99 %.2fx faster; max |now - PyTorch| %.2e%n",
                        pct(ms[1], 0.5) / pct(ms[0], 0.5), pct(ms[1], 0.99) / pct(ms[0], 0.99), maxDiff(out, torch));
            }
        }
    }

    /** MACs × 2 of the network as PyTorch runs it (embeddings as inputs, no folding, no padding). */
    static long nominalFlopsPerRow(RankerShape s, int in) {
        int branches = s.architecture() == RankerArchitecture.MMOE ? s.experts() : 1;
        long macs = (long) branches * (in * s.hidden1() + s.hidden1() * s.hidden2())
                + RankerHeads.COUNT * (s.hidden2() * s.towerHidden() + s.towerHidden());
        if (s.architecture() == RankerArchitecture.MMOE) {
            macs += (long) RankerHeads.COUNT * in * s.experts() + RankerHeads.COUNT * s.experts() * s.hidden2();
        }
        return 2 * macs;
    }

    private static double[][] interleaved(List<Runnable> variants, int rounds) {
        int perRound = 20;
        List<List<Double>> samples = new ArrayList<>();
        for (Runnable v : variants) {
            samples.add(new ArrayList<>());
            for (int i = 0; i < 200; i++) {
                v.run();
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < variants.size(); v++) {
                for (int i = 0; i < perRound; i++) {
                    long start = THREADS.getCurrentThreadCpuTime();
                    variants.get(v).run();
                    samples.get(v).add((THREADS.getCurrentThreadCpuTime() - start) / 1e6);
                }
            }
        }
        return samples.stream().map(l -> l.stream().mapToDouble(Double::doubleValue).sorted().toArray()).toArray(double[][]::new);
    }

    private static double pct(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))];
    }

    private static double maxDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    static FeatureSchema schema() {
        List<String> numeric = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            numeric.add("n" + i);
        }
        return new FeatureSchema(numeric, List.of(new CategoricalField("category", 64, 8),
                new CategoricalField("country", 64, 4), new CategoricalField("device", 4, 2),
                new CategoricalField("hour", 24, 4)));
    }

    static float[] features(FeatureSchema schema) {
        float[] features = new float[ROWS * schema.width()];
        SplittableRandom random = new SplittableRandom(1);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < schema.width(); c++) {
                features[r * schema.width() + c] = c < 40 ? (float) random.nextDouble()
                        : random.nextInt(schema.categorical().get(c - 40).cardinality());
            }
        }
        return features;
    }
}
