package dev.marquee.models;

/** Small row-wise helpers shared by the plain-Java forward passes. */
public final class VectorMath {
    private VectorMath() {
    }

    /** Normalises each of {@code rows} rows of width {@code dim} in place (see {@link TorchLayers#l2Normalize}). */
    public static void l2NormalizeRows(float[] x, int rows, int dim) {
        for (int r = 0; r < rows; r++) {
            int o = r * dim;
            float sum = 0f;
            for (int i = 0; i < dim; i++) {
                sum += x[o + i] * x[o + i];
            }
            float inv = 1f / (float) Math.sqrt(sum + TorchLayers.NORM_EPSILON);
            for (int i = 0; i < dim; i++) {
                x[o + i] *= inv;
            }
        }
    }

    /** Copies row {@code id} of a {@code rows × dim} table into {@code out} at {@code outOffset}. */
    public static void copyRow(float[] table, int id, int dim, float[] out, int outOffset) {
        System.arraycopy(table, id * dim, out, outOffset, dim);
    }

    /** Dot product of two rows. */
    public static float dot(float[] a, int aOffset, float[] b, int bOffset, int dim) {
        float s = 0f;
        for (int i = 0; i < dim; i++) {
            s += a[aOffset + i] * b[bOffset + i];
        }
        return s;
    }
}
