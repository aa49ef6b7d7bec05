package dev.marquee.models.ranker;

import java.util.Objects;

/**
 * Training rows: {@code features} is {@code rows × schema.width()} (see {@link FeatureSchema}) and
 * {@code labels} is {@code rows × 3} in {@link RankerHeads} order, each in [0, 1] (0/1 engagement, or a
 * teacher's probability when distilling). Arrays are not copied.
 */
public record RankerDataset(FeatureSchema schema, int rows, float[] features, float[] labels) {

    public RankerDataset {
        Objects.requireNonNull(schema, "schema");
        if (rows < 2) {
            throw new IllegalArgumentException("a ranker dataset needs >= 2 rows, got " + rows);
        }
        if (features.length != rows * schema.width()) {
            throw new IllegalArgumentException("features must hold rows × width = " + rows * schema.width()
                    + " floats, got " + features.length);
        }
        if (labels.length != rows * RankerHeads.COUNT) {
            throw new IllegalArgumentException("labels must hold rows × 3 = " + rows * RankerHeads.COUNT
                    + " floats, got " + labels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (!(labels[i] >= 0f && labels[i] <= 1f)) {
                throw new IllegalArgumentException("label " + i + " = " + labels[i] + " is outside [0, 1]");
            }
        }
        schema.validate(features, rows);
    }

    /** The same rows with other labels (e.g. a teacher's predictions). */
    public RankerDataset withLabels(float[] newLabels) {
        return new RankerDataset(schema, rows, features, newLabels);
    }
}
