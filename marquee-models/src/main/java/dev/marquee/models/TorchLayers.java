package dev.marquee.models;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.ndarray.types.SparseFormat;

/**
 * The few differentiable building blocks the networks of this module are written with, on PyTorch
 * tensors. Each op keeps the batch tensor as the receiver so results belong to the per-step manager,
 * never to the parameter manager (which would leak one tensor per step). The plain-Java twins are
 * {@link DenseLayer} and {@link VectorMath}; the two must stay operation-for-operation equal.
 */
public final class TorchLayers {
    /** Added under the square root of an L2 norm, in both paths, so a zero vector stays finite. */
    public static final float NORM_EPSILON = 1e-12f;

    private TorchLayers() {
    }

    /** {@code act(x·W + b)} with {@code W} of shape in × out. */
    public static NDArray dense(NDArray x, ParameterSet params, String weight, String bias, boolean relu) {
        NDArray y = x.matMul(params.get(weight)).add(params.get(bias));
        return relu ? Activation.relu(y) : y;
    }

    /** Rows of {@code table} picked by integer {@code ids} (any shape); gradients flow to the rows used. */
    public static NDArray embed(NDArray ids, ParameterSet params, String table) {
        return embed(ids, params.get(table));
    }

    /** Rows of {@code table} picked by integer {@code ids}. */
    public static NDArray embed(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /** Each row divided by sqrt(sum of squares + {@link #NORM_EPSILON}). */
    public static NDArray l2Normalize(NDArray x) {
        return x.div(x.mul(x).sum(new int[] {1}, true).add(NORM_EPSILON).sqrt());
    }
}
