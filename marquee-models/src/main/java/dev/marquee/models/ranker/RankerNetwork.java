package dev.marquee.models.ranker;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.marquee.models.ParamInit;
import dev.marquee.models.ParameterSet;
import dev.marquee.models.TorchLayers;

/**
 * The ranker as a PyTorch tensor program returning one logit per head. MMoE (Ma et al., KDD 2018):
 * {@code mix_t = Σ_e softmax(x·G_t + g_t)_e · expert_e(x)}, then tower_t(mix_t); shared-bottom:
 * tower_t(bottom(x)). Parameter names are the contract with {@link RankerWeights}.
 */
final class RankerNetwork {
    private final RankerShape shape;
    private final FeatureSchema schema;

    RankerNetwork(RankerShape shape, FeatureSchema schema) {
        this.shape = shape;
        this.schema = schema;
    }

    static String embedding(int field) {
        return "emb" + field;
    }

    static String layer(String block, int index, String part, int layer) {
        return block + index + "_" + part + layer;
    }

    int branches() {
        return shape.architecture() == RankerArchitecture.MMOE ? shape.experts() : 1;
    }

    String branch() {
        return shape.architecture() == RankerArchitecture.MMOE ? "expert" : "bottom";
    }

    ParameterSet initialize(ParamInit init) {
        ParameterSet p = new ParameterSet();
        for (int f = 0; f < schema.categorical().size(); f++) {
            CategoricalField field = schema.categorical().get(f);
            p.add(embedding(f), init.normal(field.cardinality() * field.embeddingDim(), 0.05),
                    field.cardinality(), field.embeddingDim());
        }
        int in = schema.inputDim();
        for (int e = 0; e < branches(); e++) {
            dense(p, init, branch(), e, 0, in, shape.hidden1());
            dense(p, init, branch(), e, 1, shape.hidden1(), shape.hidden2());
        }
        for (int t = 0; t < RankerHeads.COUNT; t++) {
            if (shape.architecture() == RankerArchitecture.MMOE) {
                dense(p, init, "gate", t, 0, in, shape.experts());
            }
            dense(p, init, "tower", t, 0, shape.hidden2(), shape.towerHidden());
            dense(p, init, "tower", t, 1, shape.towerHidden(), 1);
        }
        return p;
    }

    private static void dense(ParameterSet p, ParamInit init, String block, int index, int layer, int in, int out) {
        p.add(layer(block, index, "w", layer), init.glorot(in, out), in, out);
        p.add(layer(block, index, "b", layer), new float[out], out);
    }

    /** Logits, {@code rows × 3}. */
    NDArray logits(NDManager m, ParameterSet p, RankerInputs inputs) {
        int rows = inputs.rows();
        NDList parts = new NDList();
        if (schema.numericCount() > 0) {
            parts.add(m.create(inputs.numeric(), new Shape(rows, schema.numericCount())));
        }
        for (int f = 0; f < inputs.ids().length; f++) {
            parts.add(TorchLayers.embed(m.create(inputs.ids()[f]), p, embedding(f)));
        }
        NDArray x = parts.size() == 1 ? parts.singletonOrThrow() : NDArrays.concat(parts, 1);
        NDList branchOut = new NDList();
        for (int e = 0; e < branches(); e++) {
            NDArray h = TorchLayers.dense(x, p, layer(branch(), e, "w", 0), layer(branch(), e, "b", 0), true);
            branchOut.add(TorchLayers.dense(h, p, layer(branch(), e, "w", 1), layer(branch(), e, "b", 1), true));
        }
        NDArray experts = shape.architecture() == RankerArchitecture.MMOE ? NDArrays.stack(branchOut, 1) : null;
        NDList heads = new NDList();
        for (int t = 0; t < RankerHeads.COUNT; t++) {
            NDArray input;
            if (experts != null) {
                NDArray gate = TorchLayers.dense(x, p, layer("gate", t, "w", 0), layer("gate", t, "b", 0), false)
                        .softmax(1).expandDims(2);
                input = experts.mul(gate).sum(new int[] {1});
            } else {
                input = branchOut.singletonOrThrow();
            }
            NDArray h = TorchLayers.dense(input, p, layer("tower", t, "w", 0), layer("tower", t, "b", 0), true);
            heads.add(TorchLayers.dense(h, p, layer("tower", t, "w", 1), layer("tower", t, "b", 1), false));
        }
        return NDArrays.concat(heads, 1);
    }

    static NDArray probabilities(NDArray logits) {
        return Activation.sigmoid(logits);
    }

    /** Σ_heads weight_h · mean BCE(logit, label), in the overflow-safe form max(z,0) − z·y + log(1 + e^−|z|). */
    static NDArray loss(NDManager m, NDArray logits, float[] labels, float[] headWeights) {
        int rows = labels.length / RankerHeads.COUNT;
        NDArray y = m.create(labels, new Shape(rows, RankerHeads.COUNT));
        NDArray bce = logits.maximum(0f).sub(logits.mul(y)).add(logits.abs().neg().exp().add(1f).log());
        return bce.mul(m.create(headWeights, new Shape(1, RankerHeads.COUNT))).sum(new int[] {1}).mean();
    }
}
