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
        int w = width(), n = numeric.size();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < w; c++) {
                float v = features[r * w + c];
                if (c < n ? !Float.isFinite(v)
                        : !(v >= 0 && v < categorical.get(c - n).cardinality() && v == Math.rint(v))) {
                    throw new IllegalArgumentException("row " + r + ", feature " + (c < n ? numeric.get(c)
                            : categorical.get(c - n).name()) + ": invalid value " + v);
                }
            }
        }
    }
}
