package dev.marquee.models.twotower;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.marquee.models.ParameterSet;
import java.util.Arrays;

/**
 * A large embedding table trained with lazy (sparse) Adam, as in TensorFlow's LazyAdam: each step only
 * the rows the batch touched are copied into a small trainable tensor, and only those rows' weights and
 * moments are updated from its gradient. A dense update would sweep the whole table (1M × 32 floats)
 * every step. The table lives in Java; {@link #writeBack()} copies it into the model's tensor before
 * validation, snapshots and saving. Bias correction uses the global step (Kingma &amp; Ba 2015).
 */
final class SparseAdamTable {
    private static final float BETA1 = 0.9f, BETA2 = 0.999f, EPSILON = 1e-8f;

    private final ParameterSet params;
    private final String name;
    private final int dim;
    private final float[] weights, mean, variance;
    private final float learningRate;

    SparseAdamTable(ParameterSet params, String name, float learningRate) {
        this.params = params;
        this.name = name;
        NDArray tensor = params.get(name);
        this.dim = (int) tensor.getShape().get(1);
        this.weights = tensor.toFloatArray();
        this.mean = new float[weights.length];
        this.variance = new float[weights.length];
        this.learningRate = learningRate;
    }

    /** The sorted distinct ids of {@code ids}. */
    static int[] distinct(int[]... ids) {
        int total = 0;
        for (int[] a : ids) {
            total += a.length;
        }
        int[] all = new int[total];
        int o = 0;
        for (int[] a : ids) {
            System.arraycopy(a, 0, all, o, a.length);
            o += a.length;
        }
        return Arrays.stream(all).sorted().distinct().toArray();
    }

    /** {@code ids} rewritten as positions in {@code rows} (sorted distinct ids). */
    static int[] local(int[] ids, int[] rows) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Arrays.binarySearch(rows, ids[i]);
        }
        return out;
    }

    /** A trainable {@code rows.length × dim} tensor holding the current values of {@code rows}. */
    NDArray gather(NDManager m, int[] rows) {
        float[] slice = new float[rows.length * dim];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(weights, rows[i] * dim, slice, i * dim, dim);
        }
        NDArray leaf = m.create(slice, new Shape(rows.length, dim));
        leaf.setRequiresGradient(true);
        return leaf;
    }

    /** Adam on the touched rows from the gradient of the tensor {@link #gather} returned. */
    void update(int[] rows, NDArray leaf, long step) {
        float[] grad;
        try (NDArray g = leaf.getGradient()) {
            grad = g.toFloatArray();
        }
        float correction1 = 1 - (float) Math.pow(BETA1, step), correction2 = 1 - (float) Math.pow(BETA2, step);
        float rate = learningRate * (float) Math.sqrt(correction2) / correction1;
        for (int i = 0; i < rows.length; i++) {
            int base = rows[i] * dim;
            for (int k = 0; k < dim; k++) {
                float g = grad[i * dim + k];
                int w = base + k;
                mean[w] = BETA1 * mean[w] + (1 - BETA1) * g;
                variance[w] = BETA2 * variance[w] + (1 - BETA2) * g * g;
                weights[w] -= rate * mean[w] / ((float) Math.sqrt(variance[w]) + EPSILON);
            }
        }
    }

    /** Copies the Java table into the model's tensor. */
    void writeBack() {
        params.get(name).set(weights);
    }
}
