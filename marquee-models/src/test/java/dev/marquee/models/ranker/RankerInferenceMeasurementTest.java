package dev.marquee.models.ranker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.models.ParamInit;
import dev.marquee.models.TorchRuntime;
import dev.marquee.models.TrainingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Reports (does not assert) ranker inference latency for 1,000 rows on one thread, Java path vs
 * PyTorch (one intra-op thread, so it computes on the calling thread), for the MMoE, a shared-bottom
 * 256-128 teacher and the distilled student shape. Latency is the calling thread's CPU time, which a
 * busy shared box distorts far less than wall time. Weights are initial values: latency does not
 * depend on them. {@link RankerLatencyMeasurement} (a main) adds the previous path and the plain-GEMM limit.
 */
class RankerInferenceMeasurementTest {
    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    static final int ROWS = 1000, WARMUP = 20, RUNS = 50;

    @Test
    void measureInferenceLatency() {
        List<String> numeric = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            numeric.add("n" + i);
        }
        FeatureSchema schema = new FeatureSchema(numeric, List.of(new CategoricalField("category", 64, 8),
                new CategoricalField("country", 64, 4), new CategoricalField("device", 4, 2),
                new CategoricalField("hour", 24, 4)));
        float[] features = new float[ROWS * schema.width()];
        SplittableRandom random = new SplittableRandom(1);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < schema.width(); c++) {
                features[r * schema.width() + c] = c < 40 ? (float) random.nextDouble()
                        : random.nextInt(schema.categorical().get(c - 40).cardinality());
            }
        }
        TrainingConfig oneThread = TrainingConfig.defaults();
        TorchRuntime.start(1, 1);
        for (RankerShape shape : List.of(RankerShape.mmoe(), RankerShape.sharedBottom(), RankerShape.student())) {
            RankerConfig config = RankerConfig.defaults().withShape(shape).withTraining(oneThread);
            float[] mean = new float[40], inv = new float[40];
            Arrays.fill(inv, 1f);
            RankerSpec spec = new RankerSpec(config, schema, new FeatureNormalizer(mean, inv));
            try (RankerModel model = new RankerModel(spec, new RankerNetwork(shape, schema).initialize(new ParamInit(1)))) {
                float[] java = new float[ROWS * 3], torch = new float[ROWS * 3];
                double[] javaMs = time(() -> model.predict(features, ROWS, java));
                double[] torchMs = time(() -> model.predictWithTorch(features, ROWS, torch));
                System.out.printf("ranker %s %d-%d x%d tower %d, %d rows: Java p50 %.2f ms p99 %.2f ms | PyTorch p50 %.2f ms p99 %.2f ms (thread CPU time)%n",
                        shape.architecture(), shape.hidden1(), shape.hidden2(), shape.experts(), shape.towerHidden(), ROWS,
                        javaMs[0], javaMs[1], torchMs[0], torchMs[1]);
                assertThat(java).usingComparatorWithPrecision(1e-5f).containsExactly(torch);
            }
        }
    }

    private static double[] time(Runnable call) {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            call.run();
            ms[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[(int) (RUNS * 0.99)]};
    }
}
