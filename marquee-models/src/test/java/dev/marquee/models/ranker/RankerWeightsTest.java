package dev.marquee.models.ranker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.models.ParamInit;
import dev.marquee.models.TorchRuntime;
import dev.marquee.models.TrainingConfig;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused, row-blocked Java forward pass against PyTorch on the shapes the latency test does not
 * cover: a categorical field too large to fold into the first layer (so it stays a matrix input), a
 * schema without numerics, odd widths, and row counts that end mid-block and mid-panel.
 */
class RankerWeightsTest {

    @Test
    void predict_equalsPyTorch_withUnfoldedFieldsOddWidthsAndPartialBlocks() {
        FeatureSchema schema = new FeatureSchema(List.of("a", "b", "c"), List.of(
                new CategoricalField("creator", 30_000, 6), new CategoricalField("device", 3, 2)));
        for (RankerShape shape : List.of(new RankerShape(RankerArchitecture.MMOE, 37, 21, 3, 9),
                new RankerShape(RankerArchitecture.SHARED_BOTTOM, 45, 19, 1, 7))) {
            assertEqualToTorch(schema, shape, RankerWeights.BLOCK * 2 + 3);
        }
    }

    @Test
    void predict_equalsPyTorch_whenEveryFieldIsFoldedAndThereAreNoNumerics() {
        FeatureSchema schema = new FeatureSchema(List.of(), List.of(
                new CategoricalField("category", 50, 8), new CategoricalField("hour", 24, 3)));
        assertEqualToTorch(schema, RankerShape.mmoe(), 5);
        assertEqualToTorch(schema, RankerShape.student(), 1);
    }

    private static void assertEqualToTorch(FeatureSchema schema, RankerShape shape, int rows) {
        TorchRuntime.start(1, 1);
        int n = schema.numericCount();
        float[] mean = new float[n], inv = new float[n];
        java.util.Arrays.fill(inv, 0.5f);
        RankerSpec spec = new RankerSpec(RankerConfig.defaults().withShape(shape).withTraining(TrainingConfig.defaults()),
                schema, new FeatureNormalizer(mean, inv));
        float[] features = new float[rows * schema.width()];
        SplittableRandom random = new SplittableRandom(7);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < schema.width(); c++) {
                features[r * schema.width() + c] = c < n ? (float) random.nextGaussian()
                        : random.nextInt(schema.categorical().get(c - n).cardinality());
            }
        }
        try (RankerModel model = new RankerModel(spec, new RankerNetwork(shape, schema).initialize(new ParamInit(3)))) {
            float[] java = new float[rows * 3], torch = new float[rows * 3];
            model.predict(features, rows, java);
            model.predictWithTorch(features, rows, torch);
            assertThat(java).as("%s, %d rows", shape, rows).usingComparatorWithPrecision(1e-5f).containsExactly(torch);
        }
    }
}
