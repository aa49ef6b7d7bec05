package dev.marquee.models.ranker;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One MMoE task's expert mixture (Ma et al., KDD 2018): per row, a softmax over the task's gate
 * logits, then the gate-weighted sum of the expert outputs, vectorised over the hidden width.
 */
final class MmoeMixer {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private MmoeMixer() {
    }

    /**
     * @param gates       row-major logits, row stride {@code ldg}, this task's {@code experts} logits at {@code gateOff}
     * @param experts     expert {@code e}'s {@code rows × h} outputs at {@code e · expertStride}
     * @param mixed       {@code rows × h} result
     * @param weights     scratch of {@code count} floats
     */
    static void mix(float[] gates, int ldg, int gateOff, float[] experts, int expertStride, int count, int rows, int h,
                    float[] mixed, float[] weights) {
        int upper = S.loopBound(h);
        for (int r = 0; r < rows; r++) {
            int g = r * ldg + gateOff, o = r * h;
            float max = Float.NEGATIVE_INFINITY;
            for (int e = 0; e < count; e++) {
                max = Math.max(max, gates[g + e]);
            }
            float sum = 0f;
            for (int e = 0; e < count; e++) {
                weights[e] = (float) Math.exp(gates[g + e] - max);
                sum += weights[e];
            }
            float inv = 1f / sum;
            for (int e = 0; e < count; e++) {
                weights[e] *= inv;
            }
            int j = 0;
            for (; j < upper; j += S.length()) {
                FloatVector acc = FloatVector.fromArray(S, experts, o + j).mul(weights[0]);
                for (int e = 1; e < count; e++) {
                    acc = FloatVector.fromArray(S, experts, e * expertStride + o + j).fma(FloatVector.broadcast(S, weights[e]), acc);
                }
                acc.intoArray(mixed, o + j);
            }
            for (; j < h; j++) {
                float acc = weights[0] * experts[o + j];
                for (int e = 1; e < count; e++) {
                    acc = Math.fma(experts[e * expertStride + o + j], weights[e], acc);
                }
                mixed[o + j] = acc;
            }
        }
    }
}
