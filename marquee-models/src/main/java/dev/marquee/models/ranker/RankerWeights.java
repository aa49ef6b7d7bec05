package dev.marquee.models.ranker;

import dev.marquee.models.DenseLayer;
import dev.marquee.models.DenseMlp;
import dev.marquee.models.MlpWorkspace;
import dev.marquee.models.ParameterSet;
import java.util.List;

import static dev.marquee.models.ranker.RankerNetwork.layer;

/**
 * The ranker's trained weights as float arrays and the plain-Java forward pass over them: the serving
 * twin of {@link RankerNetwork} (MMoE or shared-bottom), batch at a time, writing into caller buffers.
 * Activations live in an {@link MlpWorkspace} (slots 2–5 here, 8+ for expert outputs). Thread-safe.
 */
final class RankerWeights {
    private final RankerSpec spec;
    private final boolean mmoe;
    private final float[][] tables;
    private final int[] tableDims;
    private final DenseMlp[] branches;
    private final DenseLayer[] gates;
    private final DenseMlp[] towers;
    private final int inputDim;

    RankerWeights(RankerSpec spec, RankerNetwork net, ParameterSet p) {
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
        branches = new DenseMlp[net.branches()];
        for (int e = 0; e < branches.length; e++) {
            branches[e] = mlp(p, net.branch(), e, inputDim, shape.hidden1(), shape.hidden2(), true);
        }
        gates = new DenseLayer[mmoe ? RankerHeads.COUNT : 0];
        towers = new DenseMlp[RankerHeads.COUNT];
        for (int t = 0; t < RankerHeads.COUNT; t++) {
            if (mmoe) {
                gates[t] = new DenseLayer(inputDim, shape.experts(), p.floats(layer("gate", t, "w", 0)),
                        p.floats(layer("gate", t, "b", 0)), false);
            }
            towers[t] = mlp(p, "tower", t, shape.hidden2(), shape.towerHidden(), 1, false);
        }
    }

    private static DenseMlp mlp(ParameterSet p, String block, int index, int in, int hidden, int out, boolean reluOut) {
        return new DenseMlp(List.of(
                new DenseLayer(in, hidden, p.floats(layer(block, index, "w", 0)), p.floats(layer(block, index, "b", 0)), true),
                new DenseLayer(hidden, out, p.floats(layer(block, index, "w", 1)), p.floats(layer(block, index, "b", 1)), reluOut)));
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
}
