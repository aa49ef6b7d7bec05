package dev.marquee.models;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code C = act(A·B + bias)} (or {@code act(C + A·B)}) for strided row-major float matrices with the
 * Vector API: a register-blocked micro-kernel (4 rows × 2 vectors of columns, FMA on
 * {@link FloatVector#SPECIES_PREFERRED}, B streamed once per 4 rows, ReLU applied in registers before
 * the store) in the style of Goto &amp; van de Geijn's GEMM, and a dot-product path against Bᵀ for
 * layers narrower than one vector (task heads). Strides let callers run a column slice of a fused
 * weight matrix or a column slice of a wide activation without copying. Pure function of its inputs;
 * callers own every buffer and keep row blocks small enough for the cache (see {@code RankerWeights}).
 */
public final class MatMulKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private MatMulKernel() {
    }

    /** True when {@link #affine} takes the dot-product path and needs {@code bt}. */
    public static boolean narrow(int out) {
        return out < L;
    }

    /** Floats per vector register of the preferred species (8 with AVX2, 16 with AVX-512). */
    public static int lanes() {
        return L;
    }

    /**
     * @param a    rows × in input
     * @param b    in × out weights (row-major)
     * @param bt   out × in weights, required when {@link #narrow(int)}; else may be null
     * @param c    rows × out output (must not alias {@code a})
     */
    public static void affine(float[] a, int rows, int in, float[] b, float[] bt, float[] bias, int out,
                              float[] c, boolean relu) {
        if (narrow(out)) {
            dotRows(a, rows, in, bt, bias, out, c);
            if (relu) {
                for (int i = 0; i < rows * out; i++) {
                    c[i] = Math.max(c[i], 0f);
                }
            }
        } else {
            gemm(a, 0, in, rows, in, b, 0, out, bias, 0, out, c, 0, out, false, relu);
        }
    }

    /**
     * {@code C[r][j] = act(init + Σ_k A[r][k]·B[k][j])} for {@code r < rows, j < out}, where
     * {@code A[r][k] = a[aOff + r·lda + k]}, {@code B[k][j] = b[bOff + k·ldb + j]},
     * {@code C[r][j] = c[cOff + r·ldc + j]} and {@code init} is {@code C[r][j]} itself when
     * {@code accumulate}, else {@code bias[biasOff + j]}. {@code C} must not overlap {@code A}.
     */
    public static void gemm(float[] a, int aOff, int lda, int rows, int in, float[] b, int bOff, int ldb,
                            float[] bias, int biasOff, int out, float[] c, int cOff, int ldc,
                            boolean accumulate, boolean relu) {
        // Column panel outermost: the in × 2L slice of B stays in L1 while the row block streams past it.
        int j = 0;
        for (; j + 2 * L <= out; j += 2 * L) {
            int r = 0;
            for (; r + 4 <= rows; r += 4) {
                panel4(a, aOff + r * lda, lda, in, b, bOff + j, ldb, bias, biasOff + j, c, cOff + r * ldc + j, ldc, accumulate, relu);
            }
            for (; r < rows; r++) {
                panel1(a, aOff + r * lda, in, b, bOff + j, ldb, bias, biasOff + j, c, cOff + r * ldc + j, accumulate, relu);
            }
        }
        for (; j + L <= out; j += L) {
            for (int r = 0; r < rows; r++) {
                int ar = aOff + r * lda, ci = cOff + r * ldc + j;
                FloatVector acc = init(bias, biasOff + j, c, ci, accumulate);
                for (int k = 0, bk = bOff + j; k < in; k++, bk += ldb) {
                    acc = FloatVector.fromArray(S, b, bk).fma(FloatVector.broadcast(S, a[ar + k]), acc);
                }
                store(acc, c, ci, relu);
            }
        }
        for (; j < out; j++) {
            for (int r = 0; r < rows; r++) {
                int ar = aOff + r * lda, ci = cOff + r * ldc + j;
                float acc = accumulate ? c[ci] : bias[biasOff + j];
                for (int k = 0; k < in; k++) {
                    acc = Math.fma(a[ar + k], b[bOff + k * ldb + j], acc);
                }
                c[ci] = relu ? Math.max(acc, 0f) : acc;
            }
        }
    }

    private static FloatVector init(float[] bias, int bi, float[] c, int ci, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(S, c, ci) : FloatVector.fromArray(S, bias, bi);
    }

    private static void store(FloatVector v, float[] c, int ci, boolean relu) {
        (relu ? v.max(0f) : v).intoArray(c, ci);
    }

    /** Rows r..r+3, 2L columns: eight accumulators, two B vectors and four broadcasts per k. */
    private static void panel4(float[] a, int a0, int lda, int in, float[] b, int bk, int ldb, float[] bias, int bi,
                               float[] c, int c0, int ldc, boolean accumulate, boolean relu) {
        int a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda;
        int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        FloatVector c00 = init(bias, bi, c, c0, accumulate), c01 = init(bias, bi + L, c, c0 + L, accumulate);
        FloatVector c10 = init(bias, bi, c, c1, accumulate), c11 = init(bias, bi + L, c, c1 + L, accumulate);
        FloatVector c20 = init(bias, bi, c, c2, accumulate), c21 = init(bias, bi + L, c, c2 + L, accumulate);
        FloatVector c30 = init(bias, bi, c, c3, accumulate), c31 = init(bias, bi + L, c, c3 + L, accumulate);
        for (int k = 0; k < in; k++, bk += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bk), b1 = FloatVector.fromArray(S, b, bk + L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + k]), x1 = FloatVector.broadcast(S, a[a1 + k]);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + k]), x3 = FloatVector.broadcast(S, a[a3 + k]);
            c00 = b0.fma(x0, c00); c01 = b1.fma(x0, c01);
            c10 = b0.fma(x1, c10); c11 = b1.fma(x1, c11);
            c20 = b0.fma(x2, c20); c21 = b1.fma(x2, c21);
            c30 = b0.fma(x3, c30); c31 = b1.fma(x3, c31);
        }
        store(c00, c, c0, relu); store(c01, c, c0 + L, relu);
        store(c10, c, c1, relu); store(c11, c, c1 + L, relu);
        store(c20, c, c2, relu); store(c21, c, c2 + L, relu);
        store(c30, c, c3, relu); store(c31, c, c3 + L, relu);
    }

    private static void panel1(float[] a, int ar, int in, float[] b, int bk, int ldb, float[] bias, int bi,
                               float[] c, int ci, boolean accumulate, boolean relu) {
        FloatVector c0 = init(bias, bi, c, ci, accumulate), c1 = init(bias, bi + L, c, ci + L, accumulate);
        for (int k = 0; k < in; k++, bk += ldb) {
            FloatVector x = FloatVector.broadcast(S, a[ar + k]);
            c0 = FloatVector.fromArray(S, b, bk).fma(x, c0);
            c1 = FloatVector.fromArray(S, b, bk + L).fma(x, c1);
        }
        store(c0, c, ci, relu);
        store(c1, c, ci + L, relu);
    }

    /** {@code c[r·out + j] = bias[j] + A[r]·Bᵀ[j]}: one vector dot product per output. */
    private static void dotRows(float[] a, int rows, int in, float[] bt, float[] bias, int out, float[] c) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < out; j++) {
                c[r * out + j] = dot(a, r * in, bt, j * in, in) + bias[j];
            }
        }
    }

    /** {@code Σ_k x[xOff + k]·y[yOff + k]} for {@code k < n}, vectorised. */
    public static float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        int upper = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        int k = 0;
        for (; k < upper; k += L) {
            acc = FloatVector.fromArray(S, x, xOff + k).fma(FloatVector.fromArray(S, y, yOff + k), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; k < n; k++) {
            sum = Math.fma(x[xOff + k], y[yOff + k], sum);
        }
        return sum;
    }
}
