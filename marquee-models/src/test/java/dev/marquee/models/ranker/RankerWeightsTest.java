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
 * schema without numerics, odd widths, row counts that end mid-block and mid-panel, and one request's rows
 * with means far from zero (the standardisation is folded into the first layer's weights and bias).
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

    @Test
    void predict_equalsPyTorch_whenARequestSharesUserColumnsAndMeansAreFarFromZero() {
        // One request: every row has the same user/context values, item columns vary; raw values sit far from
        // zero with small standard deviations, so the means folded into the bias must cancel accurately.
        FeatureSchema schema = new FeatureSchema(List.of("user_a", "user_b", "item_a", "item_b", "item_c", "pos"), List.of(
                new CategoricalField("country", 16, 4), new CategoricalField("video", 30_000, 5),
                new CategoricalField("category", 40, 6), new CategoricalField("user_bucket", 30_000, 3)));
        float[] mean = {100f, -3f, 50f, 0.2f, 7f, 0f}, inv = {0.05f, 2f, 0.1f, 8f, 1f, 1f};
        SplittableRandom random = new SplittableRandom(11);
        int rows = 1000, w = schema.width();
        float[] features = new float[rows * w];
        for (int r = 0; r < rows; r++) {
            float[] row = {112f, -2.5f, (float) (50 + 10 * random.nextGaussian()), (float) (0.2 + random.nextGaussian() / 8),
                    (float) (7 + random.nextGaussian()), 0f, 5f, random.nextInt(30_000), random.nextInt(40), 29_999f};
            System.arraycopy(row, 0, features, r * w, w);
        }
        for (RankerShape shape : List.of(RankerShape.mmoe(), RankerShape.sharedBottom(), RankerShape.student())) {
            assertEqualToTorch(schema, shape, new FeatureNormalizer(mean, inv), features, rows);
            assertEqualToTorch(schema, shape, new FeatureNormalizer(mean, inv), features, 1);
        }
    }

    @Test
    void predict_givesEachRowTheSameBitsAloneAsInABatch() {
        // The impression log stores a row and its heads; re-scoring that row alone must reproduce them exactly,
        // so no row's arithmetic may depend on the other rows of its batch.
        FeatureSchema schema = new FeatureSchema(List.of("a", "b", "c", "d"), List.of(
                new CategoricalField("video", 30_000, 5), new CategoricalField("hour", 24, 3)));
        SplittableRandom random = new SplittableRandom(5);
        int rows = RankerWeights.BLOCK + 7, w = schema.width();
        float[] features = new float[rows * w];
        for (int r = 0; r < rows; r++) {
            float[] row = {3f, (float) random.nextGaussian(), r % 3, (float) random.nextGaussian(), random.nextInt(30_000), 7f};
            System.arraycopy(row, 0, features, r * w, w);
        }
        for (RankerShape shape : List.of(RankerShape.mmoe(), RankerShape.student())) {
            RankerSpec spec = new RankerSpec(RankerConfig.defaults().withShape(shape).withTraining(TrainingConfig.defaults()),
                    schema, new FeatureNormalizer(new float[] {1f, 0f, 1f, -2f}, new float[] {0.5f, 1f, 2f, 0.25f}));
            try (RankerModel model = new RankerModel(spec, new RankerNetwork(shape, schema).initialize(new ParamInit(9)))) {
                float[] batch = new float[rows * 3], alone = new float[3];
                model.predict(features, rows, batch);
                for (int r = 0; r < rows; r++) {
                    model.predict(java.util.Arrays.copyOfRange(features, r * w, (r + 1) * w), 1, alone);
                    assertThat(alone).as("%s row %d", shape, r).containsExactly(java.util.Arrays.copyOfRange(batch, r * 3, r * 3 + 3));
                }
            }
        }
    }

    private static void assertEqualToTorch(FeatureSchema schema, RankerShape shape, int rows) {
        int n = schema.numericCount();
        float[] mean = new float[n], inv = new float[n];
        java.util.Arrays.fill(inv, 0.5f);
        float[] features = new float[rows * schema.width()];
        SplittableRandom random = new SplittableRandom(7);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < schema.width(); c++) {
                features[r * schema.width() + c] = c < n ? (float) random.nextGaussian()
                        : random.nextInt(schema.categorical().get(c - n).cardinality());
            }
        }
        assertEqualToTorch(schema, shape, new FeatureNormalizer(mean, inv), features, rows);
    }

    private static void assertEqualToTorch(FeatureSchema schema, RankerShape shape, FeatureNormalizer normalizer,
                                           float[] features, int rows) {
        TorchRuntime.start(1, 1);
        RankerSpec spec = new RankerSpec(RankerConfig.defaults().withShape(shape).withTraining(TrainingConfig.defaults()),
                schema, normalizer);
        try (RankerModel model = new RankerModel(spec, new RankerNetwork(shape, schema).initialize(new ParamInit(3)))) {
            float[] java = new float[rows * 3], torch = new float[rows * 3];
            model.predict(features, rows, java);
            model.predictWithTorch(features, rows, torch);
            assertThat(java).as("%s, %d rows", shape, rows).usingComparatorWithPrecision(1e-5f).containsExactly(torch);
        }
    }
}
