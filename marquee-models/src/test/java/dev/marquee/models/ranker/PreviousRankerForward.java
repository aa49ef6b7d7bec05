package dev.marquee.models.ranker;

import dev.marquee.models.MlpWorkspace;
import dev.marquee.models.ParameterSet;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import static dev.marquee.models.ranker.RankerNetwork.layer;

/**
 * The serving forward pass as it was before the fused/blocked rewrite (commit eb78b0b: one matrix
 * multiply per expert and gate over all rows, a separate ReLU pass), kept verbatim in test sources
 * only as the same-run baseline of {@link RankerLatencyMeasurement}.
 */
final class PreviousRankerForward {
    private final RankerSpec spec;
    private final boolean mmoe;
    private final float[][] tables;
    private final int[] tableDims;
    private final OldMlp[] branches;
    private final OldLayer[] gates;
    private final OldMlp[] towers;
    private final int inputDim;

    PreviousRankerForward(RankerSpec spec, RankerNetwork net, ParameterSet p) {
        this.spec = spec;
        RankerShape shape = spec.config().shape();
        this.mmoe = shape.architecture() == RankerArchitecture.MMOE;
        FeatureSchema schema = spec.schema();
        this.inputDim = schema.inputDim();
        int fields = schema.categorical().size();
        tables = new float[fields][];
        tableDims = new int[fields];
        for (int f = 0; f < fields; f++) {
            tables[f] = p.floats(RankerNetwork.embedding(f));
            tableDims[f] = schema.categorical().get(f).embeddingDim();
        }
        branches = new OldMlp[net.branches()];
        for (int e = 0; e < branches.length; e++) {
            branches[e] = mlp(p, net.branch(), e, inputDim, shape.hidden1(), shape.hidden2(), true);
        }
        gates = new OldLayer[mmoe ? RankerHeads.COUNT : 0];
        towers = new OldMlp[RankerHeads.COUNT];
        for (int t = 0; t < RankerHeads.COUNT; t++) {
            if (mmoe) {
                gates[t] = new OldLayer(inputDim, shape.experts(), p.floats(layer("gate", t, "w", 0)),
                        p.floats(layer("gate", t, "b", 0)), false);
            }
            towers[t] = mlp(p, "tower", t, shape.hidden2(), shape.towerHidden(), 1, false);
        }
    }

    private static OldMlp mlp(ParameterSet p, String block, int index, int in, int hidden, int out, boolean reluOut) {
        return new OldMlp(new OldLayer[] {
                new OldLayer(in, hidden, p.floats(layer(block, index, "w", 0)), p.floats(layer(block, index, "b", 0)), true),
                new OldLayer(hidden, out, p.floats(layer(block, index, "w", 1)), p.floats(layer(block, index, "b", 1)), reluOut)});
    }

    void predict(float[] features, int rows, float[] out, MlpWorkspace ws) {
        float[] x = ws.buffer(2, rows * inputDim);
        assemble(features, rows, x);
        int h2 = spec.config().shape().hidden2();
        float[][] branchOut = new float[branches.length][];
        for (int e = 0; e < branches.length; e++) {
            branchOut[e] = ws.buffer(8 + e, rows * h2);
            branches[e].forward(x, rows, branchOut[e], ws);
        }
        float[] towerOut = ws.buffer(3, rows);
        for (int t = 0; t < RankerHeads.COUNT; t++) {
            float[] input = branchOut[0];
            if (mmoe) {
                input = ws.buffer(4, rows * h2);
                float[] gate = ws.buffer(5, rows * branches.length);
                gates[t].forward(x, rows, gate);
                mix(branchOut, gate, rows, h2, input);
            }
            towers[t].forward(input, rows, towerOut, ws);
            for (int r = 0; r < rows; r++) {
                out[r * RankerHeads.COUNT + t] = 1f / (1f + (float) Math.exp(-towerOut[r]));
            }
        }
    }

    /** Standardised numeric columns followed by each categorical field's embedding row. */
    private void assemble(float[] features, int rows, float[] x) {
        FeatureSchema schema = spec.schema();
        FeatureNormalizer norm = spec.normalizer();
        int n = schema.numericCount(), w = schema.width();
        for (int r = 0; r < rows; r++) {
            int src = r * w, dst = r * inputDim;
            for (int c = 0; c < n; c++) {
                x[dst++] = norm.apply(c, features[src + c]);
            }
            for (int f = 0; f < tables.length; f++) {
                int id = (int) features[src + n + f];
                System.arraycopy(tables[f], id * tableDims[f], x, dst, tableDims[f]);
                dst += tableDims[f];
            }
        }
    }

    /** Softmax over each row's gate logits, then the gate-weighted sum of the expert outputs. */
    private static void mix(float[][] experts, float[] gate, int rows, int h2, float[] mixed) {
        int e = experts.length;
        for (int r = 0; r < rows; r++) {
            int g = r * e;
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < e; k++) {
                max = Math.max(max, gate[g + k]);
            }
            float sum = 0f;
            for (int k = 0; k < e; k++) {
                gate[g + k] = (float) Math.exp(gate[g + k] - max);
                sum += gate[g + k];
            }
            int o = r * h2;
            for (int j = 0; j < h2; j++) {
                mixed[o + j] = 0f;
            }
            for (int k = 0; k < e; k++) {
                float weight = gate[g + k] / sum;
                float[] ex = experts[k];
                for (int j = 0; j < h2; j++) {
                    mixed[o + j] += weight * ex[o + j];
                }
            }
        }
    }

    /** A dense layer on the previous kernel. */
    record OldLayer(int in, int out, float[] w, float[] wt, float[] b, boolean relu) {
        OldLayer(int in, int out, float[] w, float[] b, boolean relu) {
            this(in, out, w, transpose(w, in, out), b, relu);
        }

        static float[] transpose(float[] w, int in, int out) {
            float[] t = new float[in * out];
            for (int k = 0; k < in; k++) {
                for (int j = 0; j < out; j++) {
                    t[j * in + k] = w[k * out + j];
                }
            }
            return t;
        }

        void forward(float[] x, int rows, float[] y) {
            OldKernel.affine(x, rows, in, w, wt, b, out, y, relu);
        }
    }

    /** Two chained layers through workspace slots 0/1, as the previous DenseMlp did. */
    record OldMlp(OldLayer[] layers) {
        void forward(float[] x, int rows, float[] y, MlpWorkspace ws) {
            float[] current = x;
            for (int i = 0; i < layers.length; i++) {
                float[] target = i == layers.length - 1 ? y : ws.buffer(i & 1, rows * layers[i].out());
                layers[i].forward(current, rows, target);
                current = target;
            }
        }
    }

    /** The previous MatMulKernel. */
    static final class OldKernel {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
        private static final int L = S.length();


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
}
