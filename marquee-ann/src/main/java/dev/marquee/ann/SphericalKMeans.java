package dev.marquee.ann;

import java.util.SplittableRandom;

/**
 * Trains the IVF coarse quantizer: spherical k-means (Dhillon & Modha, Machine Learning 2001) —
 * Lloyd iterations where a point joins the centroid of highest dot product and each centroid is
 * its members' re-normalised mean, the natural clustering for cosine/inner-product search on unit
 * vectors. Runs on a seeded random sample (as Faiss trains IVF on ~30–256 points per centroid) with
 * centroids initialised from distinct sample points; an empty cell is re-seeded by splitting the
 * largest one (a perturbed copy), so every list is used. Single-threaded and deterministic.
 */
final class SphericalKMeans {

  private final int clusters;
  private final int iterations;
  private final long seed;

  SphericalKMeans(int clusters, int iterations, long seed) {
    if (clusters < 1 || iterations < 1) {
      throw new IllegalArgumentException(
          "k-means needs clusters >= 1 and iterations >= 1, got " + clusters + ", " + iterations);
    }
    this.clusters = clusters;
    this.iterations = iterations;
    this.seed = seed;
  }

  /**
   * Centroids for {@code batch} (at least {@code clusters} rows), trained on at most
   * {@code sampleSize} rows drawn with the seed.
   */
  Centroids train(VectorBatch batch, int sampleSize) {
    int n = batch.size();
    if (n < clusters) {
      throw new IllegalArgumentException(
          "k-means with " + clusters + " clusters needs at least that many vectors, got " + n);
    }
    int d = batch.dimension();
    SplittableRandom random = new SplittableRandom(seed);
    int[] sample = sampleRows(n, Math.min(n, Math.max(sampleSize, clusters)), random);
    float[] centres = new float[clusters * d];
    for (int c = 0; c < clusters; c++) { // the sample is a random permutation prefix: distinct
      System.arraycopy(batch.vectors(), sample[c] * d, centres, c * d, d);
    }
    int[] assignment = new int[sample.length];
    float[] scratch = null;
    for (int iteration = 0; iteration < iterations; iteration++) {
      Centroids current = new Centroids(centres, clusters, d);
      scratch = scratch == null ? current.newScoreBuffer() : scratch;
      double[] sums = new double[clusters * d];
      int[] sizes = new int[clusters];
      for (int s = 0; s < sample.length; s++) {
        int c = current.nearest(batch.vectors(), sample[s] * d, scratch);
        assignment[s] = c;
        sizes[c]++;
        for (int j = 0, off = sample[s] * d; j < d; j++) {
          sums[c * d + j] += batch.vectors()[off + j];
        }
      }
      for (int c = 0; c < clusters; c++) {
        if (sizes[c] > 0) {
          normaliseInto(sums, c * d, centres, c * d, d);
        }
      }
      reseedEmpty(centres, sizes, d, random);
    }
    return new Centroids(centres, clusters, d);
  }

  /** A seeded partial Fisher–Yates shuffle: {@code count} distinct row indexes. */
  private static int[] sampleRows(int n, int count, SplittableRandom random) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(n - i);
      int t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
    return java.util.Arrays.copyOf(rows, count);
  }

  /** Each empty cell takes a perturbed copy of the currently largest cell's centroid. */
  private static void reseedEmpty(float[] centres, int[] sizes, int d, SplittableRandom random) {
    for (int c = 0; c < sizes.length; c++) {
      if (sizes[c] > 0) {
        continue;
      }
      int largest = 0;
      for (int other = 1; other < sizes.length; other++) {
        if (sizes[other] > sizes[largest]) {
          largest = other;
        }
      }
      double[] perturbed = new double[d];
      for (int j = 0; j < d; j++) {
        perturbed[j] = centres[largest * d + j] * (1 + (random.nextDouble() - 0.5) * 0.02);
      }
      normaliseInto(perturbed, 0, centres, c * d, d);
      sizes[largest] -= sizes[largest] / 2;
      sizes[c] = 1;
    }
  }

  private static void normaliseInto(double[] from, int fromOff, float[] to, int toOff, int d) {
    double norm = 0;
    for (int j = 0; j < d; j++) {
      norm += from[fromOff + j] * from[fromOff + j];
    }
    norm = Math.sqrt(norm);
    for (int j = 0; j < d; j++) {
      to[toOff + j] = norm == 0 ? 0 : (float) (from[fromOff + j] / norm);
    }
  }
}
