package dev.marquee.training.ranker;

import dev.marquee.models.ranker.CategoricalField;
import dev.marquee.models.ranker.FeatureSchema;
import dev.marquee.models.ranker.RankerDataset;
import dev.marquee.models.ranker.RankerHeads;
import java.util.SplittableRandom;

/**
 * The linear baseline on the ranker's own rows: one logistic regression per head over the z-scored numeric
 * columns and a one-hot weight per categorical id (the "wide" part of Wide &amp; Deep, Cheng et al. 2016,
 * without the deep part), trained by AdaGrad SGD (Duchi et al. 2011) on shuffled rows with a small L2.
 */
public final class LogisticRegressionBaseline implements ExampleScorer {
    private static final double L2 = 1e-6, EPSILON = 1e-8;

    private final FeatureSchema schema;
    private final float[] mean, inverseStd;
    private final int[] fieldOffset;
    private final int perHead;
    private final double[] weights;

    private LogisticRegressionBaseline(FeatureSchema schema, float[] mean, float[] inverseStd) {
        this.schema = schema;
        this.mean = mean;
        this.inverseStd = inverseStd;
        int n = schema.numericCount();
        fieldOffset = new int[schema.categorical().size()];
        int offset = 1 + n;
        for (int f = 0; f < fieldOffset.length; f++) {
            fieldOffset[f] = offset;
            offset += schema.categorical().get(f).cardinality();
        }
        perHead = offset;
        weights = new double[perHead * RankerHeads.COUNT];
    }

    /** Fits on {@code data} for {@code epochs} passes with AdaGrad step {@code learningRate}. */
    public static LogisticRegressionBaseline train(RankerDataset data, int epochs, double learningRate, long seed) {
        FeatureSchema schema = data.schema();
        int n = schema.numericCount(), w = schema.width(), rows = data.rows();
        float[] x = data.features();
        double[] sum = new double[n], sq = new double[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < n; c++) {
                sum[c] += x[r * w + c];
                sq[c] += (double) x[r * w + c] * x[r * w + c];
            }
        }
        float[] mean = new float[n], inv = new float[n];
        for (int c = 0; c < n; c++) {
            double m = sum[c] / rows, sd = Math.sqrt(Math.max(0, sq[c] / rows - m * m));
            mean[c] = (float) m;
            inv[c] = sd > 1e-6 ? (float) (1 / sd) : 0f;
        }
        LogisticRegressionBaseline model = new LogisticRegressionBaseline(schema, mean, inv);
        model.fit(data, epochs, learningRate, new SplittableRandom(seed));
        return model;
    }

    private void fit(RankerDataset data, int epochs, double lr, SplittableRandom random) {
        int rows = data.rows(), w = schema.width(), n = schema.numericCount();
        double[] g2 = new double[weights.length];
        double[] z = new double[n];
        int[] active = new int[fieldOffset.length];
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = rows - 1; i > 0; i--) {
                int j = random.nextInt(i + 1), t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int r : order) {
                standardise(data.features(), r * w, z, active);
                for (int h = 0; h < RankerHeads.COUNT; h++) {
                    int base = h * perHead;
                    double g = sigmoid(logit(base, z, active)) - data.labels()[r * RankerHeads.COUNT + h];
                    step(base, g, 1.0, lr, g2);
                    for (int c = 0; c < n; c++) {
                        step(base + 1 + c, g, z[c], lr, g2);
                    }
                    for (int f = 0; f < active.length; f++) {
                        step(base + active[f], g, 1.0, lr, g2);
                    }
                }
            }
        }
    }

    private void step(int i, double g, double x, double lr, double[] g2) {
        double grad = g * x + L2 * weights[i];
        g2[i] += grad * grad;
        weights[i] -= lr * grad / Math.sqrt(g2[i] + EPSILON);
    }

    private void standardise(float[] features, int o, double[] z, int[] active) {
        int n = schema.numericCount();
        for (int c = 0; c < n; c++) {
            z[c] = (features[o + c] - mean[c]) * inverseStd[c];
        }
        for (int f = 0; f < active.length; f++) {
            CategoricalField field = schema.categorical().get(f);
            active[f] = fieldOffset[f] + Math.clamp((int) features[o + n + f], 0, field.cardinality() - 1);
        }
    }

    private double logit(int base, double[] z, int[] active) {
        double s = weights[base];
        for (int c = 0; c < z.length; c++) {
            s += weights[base + 1 + c] * z[c];
        }
        for (int a : active) {
            s += weights[base + a];
        }
        return s;
    }

    @Override
    public void predict(float[] features, int rows, float[] out) {
        double[] z = new double[schema.numericCount()];
        int[] active = new int[fieldOffset.length];
        for (int r = 0; r < rows; r++) {
            standardise(features, r * schema.width(), z, active);
            for (int h = 0; h < RankerHeads.COUNT; h++) {
                out[r * RankerHeads.COUNT + h] = (float) sigmoid(logit(h * perHead, z, active));
            }
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
