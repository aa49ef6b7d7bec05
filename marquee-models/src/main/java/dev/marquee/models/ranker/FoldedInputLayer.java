package dev.marquee.models.ranker;

import dev.marquee.models.MatMulKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ranker's first layer, {@code h = act(x·W + b)} over {@code x = [standardised numerics | embeddings]},
 * with everything that can be precomputed folded in at load time so serving reads raw feature rows:
 * <ul>
 * <li>the z-score standardisation: {@code ((v − μ)·s)·W = v·(s·W) − μ·s·W}, so the numeric rows of W are
 *     pre-scaled ({@code W' = s·W}) and the means go into the bias ({@code b' = b − Σ μ·s·W}, in double);</li>
 * <li>each small categorical field's embedding: {@code e_f[id]·W_f} is precomputed for every id (a
 *     {@code cardinality × width} table, the "pre-projected embedding" trick of production CTR servers), so a
 *     row adds one table row per field instead of multiplying {@code embeddingDim} more inputs. Fields whose
 *     table would pass {@link #FOLD_BUDGET} floats stay in the matrix multiply.</li>
 * </ul>
 * Every row is computed by the same sequence of operations whatever else is in the batch (no per-call
 * hoisting of columns that happen to be equal across rows), so a logged row scored alone reproduces its
 * logged heads bit for bit. Columns {@code [0, reluColumns)} get a ReLU, the rest (gate logits) stay linear.
 */
final class FoldedInputLayer {
    /** Largest folded table, in floats (4 MiB): beyond it lookups miss the cache more than they save. */
    static final int FOLD_BUDGET = 1 << 20;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private final int numeric, stride, width, reluColumns;
    /** Numeric rows of W' (pre-scaled), then each unfolded field's {@code dim} rows: {@code denseMax × width}. */
    private final float[] weight, bias;
    /** Per field: its pre-projected table or null (unfolded), its embedding table and dims. */
    private final float[][] folded, tables;
    private final int[] dims;
    private final int denseMax;

    /**
     * @param w      {@code schema.inputDim() × width}, rows in input order (numerics, then each field's dims)
     * @param tables each field's {@code cardinality × embeddingDim} embedding table
     */
    FoldedInputLayer(FeatureSchema schema, FeatureNormalizer normalizer, float[] w, float[] bias, int width,
                     int reluColumns, float[][] tables) {
        this.numeric = schema.numericCount();
        this.stride = schema.width();
        this.width = width;
        this.reluColumns = reluColumns;
        this.tables = tables;
        int fields = tables.length;
        folded = new float[fields][];
        dims = new int[fields];
        float[] kept = new float[w.length];
        double[] b = new double[width];
        for (int j = 0; j < width; j++) {
            b[j] = bias[j];
        }
        for (int c = 0; c < numeric; c++) {
            float s = normalizer.inverseStd()[c];
            double mu = normalizer.mean()[c];
            for (int j = 0; j < width; j++) {
                float scaled = w[c * width + j] * s;
                kept[c * width + j] = scaled;
                b[j] -= mu * scaled;
            }
        }
        int dense = numeric, row = numeric;
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
        this.denseMax = dense;
        this.weight = java.util.Arrays.copyOf(kept, dense * width);
        this.bias = new float[width];
        for (int j = 0; j < width; j++) {
            this.bias[j] = (float) b[j];
        }
    }

    int width() {
        return width;
    }

    int fields() {
        return tables.length;
    }

    /** Inputs left in the matrix multiply: numerics plus the dims of unfolded fields. */
    int denseInputs() {
        return denseMax;
    }

    /**
     * Rows {@code [row0, row0 + rows)} of {@code features} into {@code h} ({@code rows × width}); {@code x} is
     * scratch of {@code rows × denseMax}, {@code offsets} of {@code fields()} ints.
     */
    void forward(float[] features, int row0, int rows, float[] x, float[] h, int[] offsets) {
        int in = denseMax, fields = tables.length;
        for (int r = 0; r < rows; r++) {
            int src = (row0 + r) * stride, dst = r * in, fv = 0;
            System.arraycopy(features, src, x, dst, numeric);
            dst += numeric;
            for (int f = 0; f < fields; f++) {
                int id = (int) features[src + numeric + f];
                if (folded[f] != null) {
                    offsets[fv++] = f;
                    offsets[fields + fv - 1] = id * width;
                } else {
                    System.arraycopy(tables[f], id * dims[f], x, dst, dims[f]);
                    dst += dims[f];
                }
            }
            initRow(fv, fields, offsets, h, r * width);
        }
        MatMulKernel.gemm(x, 0, in, rows, in, weight, 0, width, null, 0, reluColumns, h, 0, width, true, true);
        if (reluColumns < width) {
            MatMulKernel.gemm(x, 0, in, rows, in, weight, reluColumns, width, null, 0, width - reluColumns,
                    h, reluColumns, width, true, false);
        }
    }

    /**
     * {@code h[hr..] = b' + Σ folded rows} in one pass over the row (the matrix multiply then accumulates onto
     * it); {@code offsets} holds the {@code fv} folded fields, then their table offsets at {@code fields}.
     */
    private void initRow(int fv, int fields, int[] offsets, float[] h, int hr) {
        int j = 0, upper = S.loopBound(width);
        for (; j < upper; j += S.length()) {
            FloatVector acc = FloatVector.fromArray(S, bias, j);
            for (int i = 0; i < fv; i++) {
                acc = acc.add(FloatVector.fromArray(S, folded[offsets[i]], offsets[fields + i] + j));
            }
            acc.intoArray(h, hr + j);
        }
        for (; j < width; j++) {
            float acc = bias[j];
            for (int i = 0; i < fv; i++) {
                acc += folded[offsets[i]][offsets[fields + i] + j];
            }
            h[hr + j] = acc;
        }
    }
}
