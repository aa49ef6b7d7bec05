package dev.marquee.models.ranker;

/**
 * Z-score standardisation of the numeric columns, fitted on the training rows and stored with the
 * model, so serving feeds raw feature values and both inference paths see identical inputs. A column
 * that never varied gets scale 1 (it becomes 0 after centring).
 */
public record FeatureNormalizer(float[] mean, float[] inverseStd) {

    public FeatureNormalizer {
        if (mean.length != inverseStd.length) {
            throw new IllegalArgumentException("mean and inverseStd lengths differ: " + mean.length + " vs " + inverseStd.length);
        }
    }

    static FeatureNormalizer fit(FeatureSchema schema, float[] features, int rows) {
        int n = schema.numericCount(), w = schema.width();
        double[] sum = new double[n], sumSq = new double[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < n; c++) {
                double v = features[r * w + c];
                sum[c] += v;
                sumSq[c] += v * v;
            }
        }
        float[] mean = new float[n], inv = new float[n];
        for (int c = 0; c < n; c++) {
            double m = sum[c] / rows;
            double std = Math.sqrt(Math.max(0, sumSq[c] / rows - m * m));
            mean[c] = (float) m;
            inv[c] = std > 1e-6 ? (float) (1 / std) : 1f;
        }
        return new FeatureNormalizer(mean, inv);
    }

    /** Standardised value of numeric column {@code c}. */
    float apply(int c, float value) {
        return (value - mean[c]) * inverseStd[c];
    }
}
