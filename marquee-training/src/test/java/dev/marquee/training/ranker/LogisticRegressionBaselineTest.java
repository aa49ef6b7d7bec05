package dev.marquee.training.ranker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.models.ranker.BinaryAuc;
import dev.marquee.models.ranker.CategoricalField;
import dev.marquee.models.ranker.FeatureSchema;
import dev.marquee.models.ranker.RankerDataset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticRegressionBaselineTest {
    static final FeatureSchema SCHEMA = new FeatureSchema(List.of("x", "noise"), List.of(new CategoricalField("id", 5, 2)));

    /** Click depends on x, watch on the id (3 is good), share on nothing. */
    static RankerDataset planted(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] f = new float[rows * 3], y = new float[rows * 3];
        for (int r = 0; r < rows; r++) {
            float x = (float) random.nextGaussian();
            int id = random.nextInt(5);
            f[r * 3] = 10 + 5 * x;
            f[r * 3 + 1] = (float) random.nextGaussian();
            f[r * 3 + 2] = id;
            y[r * 3] = random.nextDouble() < 1 / (1 + Math.exp(-2 * x)) ? 1 : 0;
            y[r * 3 + 1] = random.nextDouble() < (id == 3 ? 0.6 : 0.1) ? 1 : 0;
            y[r * 3 + 2] = random.nextDouble() < 0.05 ? 1 : 0;
        }
        return new RankerDataset(SCHEMA, rows, f, y);
    }

    @Test
    void train_learnsPlantedNumericAndCategoricalSignals() {
        LogisticRegressionBaseline lr = LogisticRegressionBaseline.train(planted(20_000, 1), 2, 0.05, 3);
        RankerDataset test = planted(5_000, 2);
        float[] p = new float[test.rows() * 3];
        lr.predict(test.features(), test.rows(), p);
        assertThat(BinaryAuc.of(p, test.labels(), test.rows(), 3, 0)).isGreaterThan(0.8);
        assertThat(BinaryAuc.of(p, test.labels(), test.rows(), 3, 1)).as("the best achievable is 0.75").isGreaterThan(0.72);
        double meanShare = 0;
        for (int r = 0; r < test.rows(); r++) {
            meanShare += p[r * 3 + 2];
        }
        assertThat(meanShare / test.rows()).as("calibrated base rate").isBetween(0.03, 0.07);
    }
}
