package dev.marquee.models.twotower;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Sampled softmax over the batch with logQ correction (Yi et al., "Sampling-Bias-Corrected Neural
 * Modeling for Large Corpus Item Recommendations", RecSys 2019): for user i the candidates are every
 * item of the batch, {@code logit[i][j] = <u_i, v_j> / τ − log q_j}, and the loss is the mean
 * cross-entropy of the diagonal. Another row that holds the same video as row i is masked out of row
 * i's negatives (it is not a negative, just a duplicate).
 */
final class InBatchSoftmaxLoss {
    private static final float MASKED = -1e9f;

    private InBatchSoftmaxLoss() {
    }

    static NDArray loss(NDManager m, NDArray users, NDArray items, int[] videos, float[] logQ, float temperature) {
        int n = videos.length;
        float[] bias = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                bias[i * n + j] = i != j && videos[i] == videos[j] ? MASKED : -logQ[j];
            }
        }
        NDArray logits = users.matMul(items.transpose()).div(temperature).add(m.create(bias, new Shape(n, n)));
        NDArray diagonal = logits.logSoftmax(1).mul(m.eye(n)).sum(new int[] {1});
        return diagonal.mean().neg();
    }
}
