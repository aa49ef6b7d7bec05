package dev.marquee.models.ranker;

import dev.marquee.models.MatMulKernel;
import dev.marquee.models.MlpWorkspace;
import dev.marquee.models.ParameterSet;

import static dev.marquee.models.ranker.RankerNetwork.layer;

/**
 * The ranker's trained weights as float arrays and the plain-Java forward pass over them: the serving
 * twin of {@link RankerNetwork}, equal within 1e-5. Rows go through the whole network {@link #BLOCK}
 * at a time so every activation stays in L1/L2. The layers that share an input are fused into one
 * wider matrix multiply: every expert's (or the bottom's) first layer and the MMoE gates
 * ({@link FoldedInputLayer}: standardisation and small embeddings folded into the weights at load time),
 * and, for shared-bottom, the three towers'
 * first layers. Activations live in an {@link MlpWorkspace} (float slots 2–7, int slot 0). Thread-safe.
 */
final class RankerWeights {
    /** Rows per pass: 64 keeps a block's widest activation (MMoE: 64 × 528) in L2; 32 and 128 measured the same. */
    static final int BLOCK = 64;
    private static final int H = RankerHeads.COUNT;

    private final boolean mmoe;
    private final int branches, h1, h2, th;
    private final FoldedInputLayer input;
    private final float[][] w2, b2;
    private final float[][] towerW, towerB;
    private final float[] outW, outB;

    RankerWeights(RankerSpec spec, RankerNetwork net, ParameterSet p) {
        RankerShape shape = spec.config().shape();
        this.mmoe = shape.architecture() == RankerArchitecture.MMOE;
        FeatureSchema schema = spec.schema();
        int in = schema.inputDim();
        branches = net.branches();
        h1 = shape.hidden1();
        h2 = shape.hidden2();
        th = shape.towerHidden();
        int gates = mmoe ? H * branches : 0;
        int width = roundUp(branches * h1 + gates, 2 * MatMulKernel.lanes());
        float[] w = new float[in * width], b = new float[width];
        for (int e = 0; e < branches; e++) {
            place(p.floats(layer(net.branch(), e, "w", 0)), p.floats(layer(net.branch(), e, "b", 0)), in, h1, w, b, width, e * h1);
        }
        for (int t = 0; t < gates / Math.max(1, branches); t++) {
            place(p.floats(layer("gate", t, "w", 0)), p.floats(layer("gate", t, "b", 0)), in, branches, w, b, width,
                    branches * h1 + t * branches);
        }
        float[][] tables = new float[schema.categorical().size()][];
        for (int f = 0; f < tables.length; f++) {
            tables[f] = p.floats(RankerNetwork.embedding(f));
        }
        input = new FoldedInputLayer(schema, spec.normalizer(), w, b, width, branches * h1, tables);
        w2 = new float[branches][];
        b2 = new float[branches][];
        for (int e = 0; e < branches; e++) {
            w2[e] = p.floats(layer(net.branch(), e, "w", 1));
            b2[e] = p.floats(layer(net.branch(), e, "b", 1));
        }
        // MMoE: one tower input per head; shared-bottom: one input, so the three first layers fuse.
        int towerMats = mmoe ? H : 1, towerWidth = mmoe ? th : H * th;
        towerW = new float[towerMats][h2 * towerWidth];
        towerB = new float[towerMats][towerWidth];
        outW = new float[H * th];
        outB = new float[H];
        for (int t = 0; t < H; t++) {
            int m = mmoe ? t : 0, col = mmoe ? 0 : t * th;
            place(p.floats(layer("tower", t, "w", 0)), p.floats(layer("tower", t, "b", 0)), h2, th,
                    towerW[m], towerB[m], towerWidth, col);
            System.arraycopy(p.floats(layer("tower", t, "w", 1)), 0, outW, t * th, th);
            outB[t] = p.floats(layer("tower", t, "b", 1))[0];
        }
    }

    private static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    /** Copies an {@code in × out} matrix and its bias into columns {@code [col, col + out)} of wider ones. */
    private static void place(float[] w, float[] b, int in, int out, float[] into, float[] biasInto, int width, int col) {
        for (int k = 0; k < in; k++) {
            System.arraycopy(w, k * out, into, k * width + col, out);
        }
        System.arraycopy(b, 0, biasInto, col, out);
    }

    void predict(float[] features, int rows, float[] out, MlpWorkspace ws) {
        for (int r0 = 0; r0 < rows; r0 += BLOCK) {
            block(features, r0, Math.min(BLOCK, rows - r0), out, ws);
        }
    }

    private void block(float[] features, int r0, int rows, float[] out, MlpWorkspace ws) {
        int width = input.width();
        float[] hidden1 = ws.buffer(3, BLOCK * width);
        input.forward(features, r0, rows, ws.buffer(2, BLOCK * input.denseInputs()), hidden1,
                ws.ints(0, 2 * input.fields()));
        float[] hidden2 = ws.buffer(4, branches * BLOCK * h2);
        for (int e = 0; e < branches; e++) {
            reluLayer(hidden1, e * h1, width, rows, h1, w2[e], b2[e], h2, hidden2, e * BLOCK * h2);
        }
        if (mmoe) {
            float[] mixed = ws.buffer(5, BLOCK * h2), tower = ws.buffer(6, BLOCK * th);
            for (int t = 0; t < H; t++) {
                MmoeMixer.mix(hidden1, width, branches * h1 + t * branches, hidden2, BLOCK * h2, branches, rows, h2,
                        mixed, ws.buffer(7, branches));
                MatMulKernel.gemm(mixed, 0, h2, rows, h2, towerW[t], 0, th, towerB[t], 0, th, tower, 0, th, false, true);
                heads(tower, th, 0, t, r0, rows, out);
            }
        } else {
            float[] tower = ws.buffer(6, BLOCK * H * th);
            reluLayer(hidden2, 0, h2, rows, h2, towerW[0], towerB[0], H * th, tower, 0);
            for (int t = 0; t < H; t++) {
                heads(tower, H * th, t * th, t, r0, rows, out);
            }
        }
    }

    /** {@code c = relu(a·w + b)}, {@code a} strided. */
    private static void reluLayer(float[] a, int aOff, int lda, int rows, int in, float[] w, float[] b, int out,
                                  float[] c, int cOff) {
        MatMulKernel.gemm(a, aOff, lda, rows, in, w, 0, out, b, 0, out, c, cOff, out, false, true);
    }

    /** Head {@code t}'s probability for each row: sigmoid of the tower's last (1-wide) layer. */
    private void heads(float[] tower, int ld, int off, int t, int r0, int rows, float[] out) {
        for (int r = 0; r < rows; r++) {
            float logit = MatMulKernel.dot(tower, r * ld + off, outW, t * th, th) + outB[t];
            out[(r0 + r) * H + t] = 1f / (1f + (float) Math.exp(-logit));
        }
    }
}
