package dev.marquee.models;

/**
 * One trained fully-connected layer, {@code y = act(x·W + b)}, as plain arrays: {@code W} is
 * {@code in × out} row-major (the layout the DJL networks of this module train), with a transposed copy
 * kept for narrow layers that {@link MatMulKernel} serves by dot products.
 */
public final class DenseLayer {
    private final int in;
    private final int out;
    private final float[] weight;
    private final float[] weightT;
    private final float[] bias;
    private final boolean relu;

    public DenseLayer(int in, int out, float[] weight, float[] bias, boolean relu) {
        if (in < 1 || out < 1 || weight.length != in * out || bias.length != out) {
            throw new IllegalArgumentException("dense layer " + in + "×" + out + " needs " + (in * out)
                    + " weights and " + out + " biases, got " + weight.length + " and " + bias.length);
        }
        this.in = in;
        this.out = out;
        this.weight = weight.clone();
        this.bias = bias.clone();
        this.relu = relu;
        this.weightT = MatMulKernel.narrow(out) ? transpose(weight, in, out) : null;
    }

    private static float[] transpose(float[] w, int in, int out) {
        float[] t = new float[in * out];
        for (int k = 0; k < in; k++) {
            for (int j = 0; j < out; j++) {
                t[j * in + k] = w[k * out + j];
            }
        }
        return t;
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }

    /** Writes {@code rows × out} results into {@code y} from {@code rows × in} inputs in {@code x}. */
    public void forward(float[] x, int rows, float[] y) {
        MatMulKernel.affine(x, rows, in, weight, weightT, bias, out, y, relu);
    }
}
