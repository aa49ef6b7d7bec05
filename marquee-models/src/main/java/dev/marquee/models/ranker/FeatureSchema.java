package dev.marquee.models.ranker;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The layout of one ranker input row: {@code numeric.size()} numeric columns first, then one column
 * per categorical field holding its id as a float (exact below 2^24). The model standardises numeric
 * columns with statistics of its training set, so callers pass raw values (documented per feature).
 */
public record FeatureSchema(List<String> numeric, List<CategoricalField> categorical) {

    public FeatureSchema {
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
        if (numeric.isEmpty() && categorical.isEmpty()) {
            throw new IllegalArgumentException("a feature schema needs at least one column");
        }
        Set<String> names = new HashSet<>();
        for (String n : numeric) {
            if (n == null || n.isBlank() || !names.add(n)) {
                throw new IllegalArgumentException("numeric feature names must be unique and non-blank: " + numeric);
            }
        }
        for (CategoricalField f : categorical) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("duplicate feature name " + f.name());
            }
        }
    }

    /** Floats per row. */
    public int width() {
        return numeric.size() + categorical.size();
    }

    public int numericCount() {
        return numeric.size();
    }

    /** Column of a feature by name. */
    public int column(String name) {
        int i = numeric.indexOf(name);
        if (i >= 0) {
            return i;
        }
        for (int c = 0; c < categorical.size(); c++) {
            if (categorical.get(c).name().equals(name)) {
                return numeric.size() + c;
            }
        }
        throw new IllegalArgumentException("no feature named " + name + " in " + this);
    }

    /** Width of the network input: numeric columns plus every embedding. */
    int inputDim() {
        return numeric.size() + categorical.stream().mapToInt(CategoricalField::embeddingDim).sum();
    }

    /** Throws unless rows × width values are present, numeric values finite and ids integral and in range. */
    void validate(float[] features, int rows) {
        if (rows < 1 || features.length < rows * width()) {
            throw new IllegalArgumentException(rows + " rows of width " + width() + " need " + rows * width()
                    + " floats, buffer has " + features.length);
        }
        int w = width(), n = numeric.size(), m = categorical.size();
        float[] cardinality = new float[m];
        for (int f = 0; f < m; f++) {
            cardinality[f] = categorical.get(f).cardinality();
        }
        for (int r = 0; r < rows; r++) {
            int base = r * w;
            float nonFinite = 0; // x·0 is 0 for every finite x and NaN otherwise: one branch per row, not per value
            for (int c = 0; c < n; c++) {
                nonFinite += features[base + c] * 0f;
            }
            if (nonFinite != 0) { // NaN != 0 too
                for (int c = 0; c < n; c++) {
                    if (!Float.isFinite(features[base + c])) {
                        throw invalid(r, numeric.get(c), features[base + c]);
                    }
                }
            }
            for (int f = 0; f < m; f++) {
                float v = features[base + n + f];
                if (!(v >= 0 && v < cardinality[f] && v == (float) (int) v)) {
                    throw invalid(r, categorical.get(f).name(), v);
                }
            }
        }
    }

    private static IllegalArgumentException invalid(int row, String feature, float value) {
        return new IllegalArgumentException("row " + row + ", feature " + feature + ": invalid value " + value);
    }
}
