package dev.marquee.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DenseMlpTest {
    private final SplittableRandom random = new SplittableRandom(3);

    private float[] randomArray(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return a;
    }

    @Test
    void affine_matchesNaiveLoops_forEveryRowAndColumnTail() {
        for (int rows : new int[] {1, 3, 4, 5, 9}) {
            for (int out : new int[] {1, 3, 7, 8, 16, 17, 33, 64, 70}) {
                int in = 13;
                float[] x = randomArray(rows * in), w = randomArray(in * out), b = randomArray(out);
                DenseLayer layer = new DenseLayer(in, out, w, b, true);
                float[] y = new float[rows * out];
                layer.forward(x, rows, y);
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < out; j++) {
                        double expected = b[j];
                        for (int k = 0; k < in; k++) {
                            expected += (double) x[r * in + k] * w[k * out + j];
                        }
                        assertThat((double) y[r * out + j]).as("rows %d out %d at (%d,%d)", rows, out, r, j)
                                .isCloseTo(Math.max(0, expected), org.assertj.core.data.Offset.offset(1e-5));
                    }
                }
            }
        }
    }

    @Test
    void gemm_onStridedSlices_matchesNaiveLoops_withAndWithoutAccumulateAndRelu() {
        for (int rows : new int[] {1, 4, 7}) {
            for (int out : new int[] {5, 8, 16, 27, 40}) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    int in = 11, lda = in + 6, ldb = out + 9, ldc = out + 3, aOff = 4, bOff = 2, cOff = 5, biasOff = 3;
                    float[] a = randomArray(aOff + rows * lda), b = randomArray(bOff + in * ldb);
                    float[] bias = randomArray(biasOff + out), c = randomArray(cOff + rows * ldc);
                    float[] before = c.clone();
                    MatMulKernel.gemm(a, aOff, lda, rows, in, b, bOff, ldb, bias, biasOff, out, c, cOff, ldc, accumulate, true);
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < ldc; j++) {
                            int ci = cOff + r * ldc + j;
                            if (j >= out) {
                                assertThat(c[ci]).as("column %d beyond out untouched", j).isEqualTo(before[ci]);
                                continue;
                            }
                            double expected = accumulate ? before[ci] : bias[biasOff + j];
                            for (int k = 0; k < in; k++) {
                                expected += (double) a[aOff + r * lda + k] * b[bOff + k * ldb + j];
                            }
                            assertThat((double) c[ci]).as("rows %d out %d acc %s at (%d,%d)", rows, out, accumulate, r, j)
                                    .isCloseTo(Math.max(0, expected), org.assertj.core.data.Offset.offset(1e-5));
                        }
                    }
                }
            }
        }
    }

    @Test
    void workspacePool_handsBackTheSameWorkspace_andNewOnesWhenAllAreLent() {
        WorkspacePool pool = new WorkspacePool();
        MlpWorkspace first = pool.take();
        pool.giveBack(first);
        assertThat(pool.take()).isSameAs(first);
        MlpWorkspace second = pool.take();
        assertThat(second).isNotSameAs(first);
    }

    @Test
    void mlp_chainsLayersThroughTheWorkspace() {
        DenseLayer first = new DenseLayer(2, 2, new float[] {1, 0, 0, 1}, new float[] {0, -5}, true);
        DenseLayer second = new DenseLayer(2, 1, new float[] {2, 3}, new float[] {1}, false);
        DenseMlp mlp = new DenseMlp(List.of(first, second));
        float[] y = new float[2];
        mlp.forward(new float[] {1, 2, 3, 10}, 2, y, new MlpWorkspace());
        assertThat(y).containsExactly(2 * 1 + 3 * 0 + 1, 2 * 3 + 3 * 5 + 1);
    }

    @Test
    void mlp_rejectsLayersThatDoNotChain() {
        DenseLayer a = new DenseLayer(2, 3, new float[6], new float[3], true);
        DenseLayer b = new DenseLayer(4, 1, new float[4], new float[1], false);
        assertThatThrownBy(() -> new DenseMlp(List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1 takes 4 inputs but layer 0 gives 3");
    }

    @Test
    void idBuckets_areStableAndInRange() {
        IdBuckets buckets = new IdBuckets(1000, 7);
        assertThat(buckets.bucket("video-42")).isEqualTo(new IdBuckets(1000, 7).bucket("video-42"));
        for (long id = -50; id < 5000; id++) {
            assertThat(buckets.bucket(id)).isBetween(0, 999);
        }
        assertThat(new IdBuckets(1000, 8).bucket(12345L)).isNotEqualTo(buckets.bucket(12345L));
    }
}
