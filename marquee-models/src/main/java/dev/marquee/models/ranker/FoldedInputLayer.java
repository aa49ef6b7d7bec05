package dev.marquee.models.ranker;

import dev.marquee.models.MatMulKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ranker's first layer, {@code h = act(x·W + b)} over {@code x = [standardised numerics | embeddings]},
 * with each small categorical field's embedding folded into the weights: {@code e_f[id]·W_f} is
 * precomputed for every id (a {@code cardinality × width} table, the "pre-projected embedding" trick of
 * production CTR servers), so serving adds one table row per field instead of multiplying
 * {@code embeddingDim} more inputs. Fields whose table would pass {@link #FOLD_BUDGET} floats stay in the
 * matrix multiply. Columns {@code [0, reluColumns)} get a ReLU, the rest (gate logits) stay linear.
 */
final class FoldedInputLayer {
    /** Largest folded table, in floats (4 MiB): beyond it lookups miss the cache more than they save. */
    static final int FOLD_BUDGET = 1 << 20;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private final FeatureSchema schema;
    private final FeatureNormalizer normalizer;
    private final int width, reluColumns, denseIn;
    private final float[] weight, bias;
    private final float[][] folded, tables;
    private final int[] dims;

    /**
     * @param w      {@code schema.inputDim() × width}, rows in input order (numerics, then each field's dims)
     * @param tables each field's {@code cardinality × embeddingDim} embedding table
     */
    FoldedInputLayer(FeatureSchema schema, FeatureNormalizer normalizer, float[] w, float[] bias, int width,
                     int reluColumns, float[][] tables) {
        this.schema = schema;
        this.normalizer = normalizer;
        this.width = width;
        this.reluColumns = reluColumns;
        this.bias = bias.clone();
        this.tables = tables;
        int fields = tables.length, n = schema.numericCount();
        folded = new float[fields][];
        dims = new int[fields];
        int dense = n, row = n;
        float[] kept = new float[w.length];
        System.arraycopy(w, 0, kept, 0, n * width);
        for (int f = 0; f < fields; f++) {
            CategoricalField field = schema.categorical().get(f);
            dims[f] = field.embeddingDim();
            if ((long) field.cardinality() * width <= FOLD_BUDGET) {
                folded[f] = new float[field.cardinality() * width];
                MatMulKernel.gemm(tables[f], 0, dims[f], field.cardinality(), dims[f], w, row * width, width,
                        new float[width], 0, width, folded[f], 0, width, false, false);
            } else {
                System.arraycopy(w, row * width, kept, dense * width, dims[f] * width);
                dense += dims[f];
            }
            row += dims[f];
        }
        this.denseIn = dense;
        this.weight = java.util.Arrays.copyOf(kept, dense * width);
    }

    /** Inputs left in the matrix multiply: numerics plus the dims of unfolded fields. */
    int denseInputs() {
        return denseIn;
    }

    int width() {
        return width;
    }

    /**
     * Rows {@code [row0, row0 + rows)} of {@code features} into {@code h} ({@code rows × width});
     * {@code x} is scratch of {@code rows × denseInputs()}.
     */
    void forward(float[] features, int row0, int rows, float[] x, float[] h) {
        int n = schema.numericCount(), w = schema.width(), upper = S.loopBound(width);
        for (int r = 0; r < rows; r++) {
            int src = (row0 + r) * w, dst = r * denseIn, hr = r * width;
            for (int c = 0; c < n; c++) {
                x[dst++] = normalizer.apply(c, features[src + c]);
            }
            System.arraycopy(bias, 0, h, hr, width);
            for (int f = 0; f < folded.length; f++) {
                int id = (int) features[src + n + f];
                if (folded[f] != null) {
                    addRow(folded[f], id * width, h, hr, upper);
                } else {
                    System.arraycopy(tables[f], id * dims[f], x, dst, dims[f]);
                    dst += dims[f];
                }
            }
        }
        MatMulKernel.gemm(x, 0, denseIn, rows, denseIn, weight, 0, width, null, 0, reluColumns, h, 0, width, true, true);
        if (reluColumns < width) {
            MatMulKernel.gemm(x, 0, denseIn, rows, denseIn, weight, reluColumns, width, null, 0, width - reluColumns,
                    h, reluColumns, width, true, false);
        }
    }

    private void addRow(float[] table, int t, float[] h, int hr, int upper) {
        int j = 0;
        for (; j < upper; j += S.length()) {
            FloatVector.fromArray(S, h, hr + j).add(FloatVector.fromArray(S, table, t + j)).intoArray(h, hr + j);
        }
        for (; j < width; j++) {
            h[hr + j] += table[t + j];
        }
    }
}
