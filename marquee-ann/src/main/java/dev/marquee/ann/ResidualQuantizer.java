package dev.marquee.ann;

/**
 * 8-bit scalar quantization of IVF residuals (x − centroid of x's list), per dimension: the affine
 * map r_j ≈ low_j + step_j · (code + 128) over the range seen in the training sample (values
 * outside are clipped; the float re-rank repairs the rare vector this hurts). Residuals span a far
 * smaller range than raw unit vectors, so the same 8 bits are several times more precise (the
 * residual encoding of Jégou et al., TPAMI 2011, with a scalar instead of a product quantizer).
 *
 * <p>Scoring is asymmetric (the query stays float): q·x ≈ q·c + Σ_j q_j·(low_j + 128·step_j) +
 * Σ_j (q_j·step_j)·code_j. The middle term is the same for every vector, so ranking needs only
 * the per-list bias q·c and the weights q_j·step_j ({@link #queryWeights}).
 */
final class ResidualQuantizer {

  private final float[] low;
  private final float[] step;

  private ResidualQuantizer(float[] low, float[] step) {
    this.low = low;
    this.step = step;
  }

  /** Ranges from the residuals of {@code rows} of {@code batch} against their assigned centroids. */
  static ResidualQuantizer train(
      VectorBatch batch, int[] rows, int[] listOfRow, Centroids centroids) {
    int d = batch.dimension();
    float[] min = new float[d];
    float[] max = new float[d];
    java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < rows.length; i++) {
      int off = rows[i] * d;
      for (int j = 0; j < d; j++) {
        float r = batch.vectors()[off + j] - centroids.component(listOfRow[i], j);
        min[j] = Math.min(min[j], r);
        max[j] = Math.max(max[j], r);
      }
    }
    float[] step = new float[d];
    for (int j = 0; j < d; j++) {
      if (!(max[j] >= min[j])) { // no rows: any range works
        min[j] = -1;
        max[j] = 1;
      }
      step[j] = Math.max((max[j] - min[j]) / 255f, 1e-9f);
    }
    return new ResidualQuantizer(min, step);
  }

  int dimension() {
    return low.length;
  }

  /** Codes of {@code vector[offset..]}'s residual to centroid {@code list}, into {@code out[0, d)}. */
  void encode(float[] vector, int offset, Centroids centroids, int list, byte[] out) {
    for (int j = 0; j < low.length; j++) {
      float r = vector[offset + j] - centroids.component(list, j);
      int level = Math.round((r - low[j]) / step[j]);
      out[j] = (byte) (Math.clamp(level, 0, 255) - 128);
    }
  }

  /** Per-dimension query weights q_j · step_j for {@link Int8BlockScan}. */
  void queryWeights(float[] query, float[] out) {
    for (int j = 0; j < low.length; j++) {
      out[j] = query[j] * step[j];
    }
  }

  long bytesUsed() {
    return 8L * low.length;
  }
}
