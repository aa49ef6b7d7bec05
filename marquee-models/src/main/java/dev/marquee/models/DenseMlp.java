package dev.marquee.models;

import java.util.List;

/**
 * A stack of {@link DenseLayer}s evaluated in plain Java over a batch of rows: the serving-side twin of
 * the DJL networks (same weights, same order of operations up to float rounding, tested to 1e-5).
 * Immutable and thread-safe; intermediate activations go into a caller-owned {@link MlpWorkspace}.
 */
public final class DenseMlp {
    private final List<DenseLayer> layers;

    public DenseMlp(List<DenseLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).in() != layers.get(i - 1).out()) {
                throw new IllegalArgumentException("layer " + i + " takes " + layers.get(i).in()
                        + " inputs but layer " + (i - 1) + " gives " + layers.get(i - 1).out());
            }
        }
        this.layers = List.copyOf(layers);
    }

    public int in() {
        return layers.getFirst().in();
    }

    public int out() {
        return layers.getLast().out();
    }

    /** The widest activation, for sizing workspaces. */
    public int maxWidth() {
        return layers.stream().mapToInt(DenseLayer::out).max().orElseThrow();
    }

    /** {@code y[rows × out] = mlp(x[rows × in])}; {@code y} must not alias {@code x}. */
    public void forward(float[] x, int rows, float[] y, MlpWorkspace workspace) {
        float[] current = x;
        for (int i = 0; i < layers.size(); i++) {
            DenseLayer layer = layers.get(i);
            float[] target = i == layers.size() - 1 ? y : workspace.buffer(i & 1, rows * layer.out());
            layer.forward(current, rows, target);
            current = target;
        }
    }
}
