package dev.marquee.models;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code C = act(A·B + bias)} for row-major float matrices with the Vector API: a register-blocked
 * micro-kernel (4 rows × 2 vectors of columns, FMA, B streamed once per 4 rows) in the style of
 * Goto &amp; van de Geijn's GEMM, and a dot-product path against Bᵀ for layers narrower than one vector
 * (task heads). Pure function of its inputs; callers own every buffer.
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
        } else {
            // Column panel outermost: the in × 2L slice of B stays in L1 while every row streams past it.
            int j = 0;
            for (; j + 2 * L <= out; j += 2 * L) {
                int r = 0;
                for (; r + 4 <= rows; r += 4) {
                    panel4(a, r, in, b, bias, out, c, j);
                }
                for (; r < rows; r++) {
                    panel1(a, r, in, b, bias, out, c, j);
                }
            }
            if (j < out) {
                for (int r = 0; r < rows; r++) {
                    columnsFrom(a, r, in, b, bias, out, c, j);
                }
            }
        }
        if (relu) {
            relu(c, rows * out);
        }
    }

    /** Rows r..r+3, columns j..j+2L: eight accumulators, two B vectors and four broadcasts per k. */
    private static void panel4(float[] a, int r, int in, float[] b, float[] bias, int out, float[] c, int j) {
        int a0 = r * in, a1 = a0 + in, a2 = a1 + in, a3 = a2 + in;
        FloatVector bias0 = FloatVector.fromArray(S, bias, j), bias1 = FloatVector.fromArray(S, bias, j + L);
        FloatVector c00 = bias0, c01 = bias1, c10 = bias0, c11 = bias1;
        FloatVector c20 = bias0, c21 = bias1, c30 = bias0, c31 = bias1;
        for (int k = 0, bk = j; k < in; k++, bk += out) {
            FloatVector b0 = FloatVector.fromArray(S, b, bk), b1 = FloatVector.fromArray(S, b, bk + L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + k]), x1 = FloatVector.broadcast(S, a[a1 + k]);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + k]), x3 = FloatVector.broadcast(S, a[a3 + k]);
            c00 = b0.fma(x0, c00); c01 = b1.fma(x0, c01);
            c10 = b0.fma(x1, c10); c11 = b1.fma(x1, c11);
            c20 = b0.fma(x2, c20); c21 = b1.fma(x2, c21);
            c30 = b0.fma(x3, c30); c31 = b1.fma(x3, c31);
        }
        int c0 = r * out + j;
        c00.intoArray(c, c0); c01.intoArray(c, c0 + L);
        c10.intoArray(c, c0 + out); c11.intoArray(c, c0 + out + L);
        c20.intoArray(c, c0 + 2 * out); c21.intoArray(c, c0 + 2 * out + L);
        c30.intoArray(c, c0 + 3 * out); c31.intoArray(c, c0 + 3 * out + L);
    }

    private static void panel1(float[] a, int r, int in, float[] b, float[] bias, int out, float[] c, int j) {
        int ar = r * in;
        FloatVector c0 = FloatVector.fromArray(S, bias, j), c1 = FloatVector.fromArray(S, bias, j + L);
        for (int k = 0, bk = j; k < in; k++, bk += out) {
            FloatVector x = FloatVector.broadcast(S, a[ar + k]);
            c0 = FloatVector.fromArray(S, b, bk).fma(x, c0);
            c1 = FloatVector.fromArray(S, b, bk + L).fma(x, c1);
        }
        c0.intoArray(c, r * out + j);
        c1.intoArray(c, r * out + j + L);
    }

    /** One row, columns [j0, out): one vector at a time, then scalars. */
    private static void columnsFrom(float[] a, int r, int in, float[] b, float[] bias, int out, float[] c, int j0) {
        int ar = r * in;
        int j = j0;
        for (; j + L <= out; j += L) {
            FloatVector acc = FloatVector.fromArray(S, bias, j);
            for (int k = 0, bk = j; k < in; k++, bk += out) {
                acc = FloatVector.fromArray(S, b, bk).fma(FloatVector.broadcast(S, a[ar + k]), acc);
            }
            acc.intoArray(c, r * out + j);
        }
        for (; j < out; j++) {
            float acc = bias[j];
            for (int k = 0; k < in; k++) {
                acc = Math.fma(a[ar + k], b[k * out + j], acc);
            }
            c[r * out + j] = acc;
        }
    }

    private static void dotRows(float[] a, int rows, int in, float[] bt, float[] bias, int out, float[] c) {
        int upper = S.loopBound(in);
        for (int r = 0; r < rows; r++) {
            int ar = r * in;
            for (int j = 0; j < out; j++) {
                int bj = j * in;
                FloatVector acc = FloatVector.zero(S);
                int k = 0;
                for (; k < upper; k += L) {
                    acc = FloatVector.fromArray(S, a, ar + k).fma(FloatVector.fromArray(S, bt, bj + k), acc);
                }
                float sum = acc.reduceLanes(VectorOperators.ADD);
                for (; k < in; k++) {
                    sum = Math.fma(a[ar + k], bt[bj + k], sum);
                }
                c[r * out + j] = sum + bias[j];
            }
        }
    }

    private static void relu(float[] c, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += L) {
            FloatVector.fromArray(S, c, i).max(0f).intoArray(c, i);
        }
        for (; i < n; i++) {
            c[i] = Math.max(c[i], 0f);
        }
    }
}
