package dev.marquee.models.ranker;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic ranker rows with a planted signal: eight numeric features on very different raw scales
 * (the model must standardise them), a category and a device id, and three labels drawn from
 * logistic functions of them (share rare, about 5%).
 */
final class PlantedRankerData {
    static final FeatureSchema SCHEMA = new FeatureSchema(
            List.of("x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7"),
            List.of(new CategoricalField("category", 20, 4), new CategoricalField("device", 3, 2)));
    private static final float[] SCALE = {1, 10, 100, 1, 10, 100, 1, 10};
    private static final float[] OFFSET = {0, 50, -300, 2, 0, 1000, 0, -5};

    private PlantedRankerData() {
    }

    static RankerDataset generate(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int w = SCHEMA.width();
        float[] features = new float[rows * w];
        float[] labels = new float[rows * RankerHeads.COUNT];
        for (int r = 0; r < rows; r++) {
            double[] z = new double[8];
            for (int k = 0; k < 8; k++) {
                z[k] = gaussian(random);
                features[r * w + k] = (float) (z[k] * SCALE[k] + OFFSET[k]);
            }
            int category = random.nextInt(20), device = random.nextInt(3);
            features[r * w + 8] = category;
            features[r * w + 9] = device;
            double categoryEffect = (category % 4 - 1.5);
            double click = 2.5 * z[0] + 1.5 * z[1] - 1.5 * z[2] + categoryEffect - 0.5;
            double watch = 2.0 * z[3] + 1.2 * z[0] + (device == 2 ? 1.5 : -0.5) - 1.0;
            double share = 2.5 * z[5] + 1.5 * z[3] - 4.5;
            labels[r * 3] = bernoulli(random, click);
            labels[r * 3 + 1] = bernoulli(random, watch);
            labels[r * 3 + 2] = bernoulli(random, share);
        }
        return new RankerDataset(SCHEMA, rows, features, labels);
    }

    private static float bernoulli(SplittableRandom random, double logit) {
        return random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1f : 0f;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(Math.max(1e-12, random.nextDouble()))) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
