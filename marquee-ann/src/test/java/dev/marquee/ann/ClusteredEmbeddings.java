package dev.marquee.ann;

import java.util.SplittableRandom;

/**
 * Embedding-like test vectors: a Gaussian mixture on the unit sphere. Topics are random unit
 * vectors; each cluster centre sits near one topic (so clusters have neighbours, as interests do);
 * cluster sizes follow a power law (Zipf, exponent 1: a few huge genres, a long tail); each cluster
 * has its own spread. Queries blend one to three points of the mixture, as a user's interests blend.
 * Never uniform random: recall on uniform vectors says nothing about recall on embeddings.
 */
final class ClusteredEmbeddings {

  static final double DEFAULT_SPECTRUM_DECAY = 0.5;

  private final int dimension;
  private final float[][] centres;
  private final double[] spreads;
  private final double[] cumulativeWeight;
  private final double[] axisScale;

  ClusteredEmbeddings(int dimension, int clusters, long seed) {
    this(dimension, clusters, DEFAULT_SPECTRUM_DECAY, seed);
  }

  /**
   * @param spectrumDecay within-cluster noise along axis i scales as (i + 1)^-decay (renormalised to
   *     the same total variance): 0 is isotropic (intrinsic dimension = d, as hard as uniform data
   *     locally); 0.5 gives a participation ratio of ~14 of 64 dimensions, the decaying spectrum that
   *     trained embeddings show.
   */
  ClusteredEmbeddings(int dimension, int clusters, double spectrumDecay, long seed) {
    this.dimension = dimension;
    this.axisScale = new double[dimension];
    double sumSquares = 0;
    for (int i = 0; i < dimension; i++) {
      axisScale[i] = Math.pow(i + 1, -spectrumDecay);
      sumSquares += axisScale[i] * axisScale[i];
    }
    for (int i = 0; i < dimension; i++) {
      axisScale[i] *= Math.sqrt(dimension / sumSquares);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int topics = Math.max(1, clusters / 20);
    float[][] topicCentres = new float[topics][];
    for (int t = 0; t < topics; t++) {
      topicCentres[t] = isotropicUnit(random, null, 0);
    }
    centres = new float[clusters][];
    spreads = new double[clusters];
    cumulativeWeight = new double[clusters];
    double total = 0;
    for (int c = 0; c < clusters; c++) {
      centres[c] = isotropicUnit(random, topicCentres[random.nextInt(topics)], 0.8);
      spreads[c] = 0.35 + 0.45 * random.nextDouble();
      total += 1.0 / (c + 1);
      cumulativeWeight[c] = total;
    }
    for (int c = 0; c < clusters; c++) {
      cumulativeWeight[c] /= total;
    }
  }

  /** {@code count} vectors with ids {@code firstId, firstId + 1, ...}. */
  VectorBatch sample(int count, int firstId, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] ids = new int[count];
    float[] vectors = new float[count * dimension];
    for (int i = 0; i < count; i++) {
      ids[i] = firstId + i;
      System.arraycopy(point(random), 0, vectors, i * dimension, dimension);
    }
    return new VectorBatch(ids, vectors, dimension);
  }

  /** Queries: normalised blends of 1-3 mixture points. */
  float[][] queries(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] queries = new float[count][];
    for (int q = 0; q < count; q++) {
      float[] sum = new float[dimension];
      int parts = 1 + random.nextInt(3);
      for (int p = 0; p < parts; p++) {
        float[] x = point(random);
        double weight = p == 0 ? 1.0 : 0.3 + 0.5 * random.nextDouble();
        for (int i = 0; i < dimension; i++) {
          sum[i] += (float) (weight * x[i]);
        }
      }
      queries[q] = normalise(sum);
    }
    return queries;
  }

  /** One fresh point of the mixture. */
  float[] point(SplittableRandom random) {
    int cluster = pickCluster(random.nextDouble());
    return gaussianUnit(random, centres[cluster], spreads[cluster]);
  }

  private int pickCluster(double u) {
    int low = 0;
    int high = cumulativeWeight.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulativeWeight[mid] < u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** normalise(centre + spread * g / sqrt(d)); a pure random direction when centre is null. */
  private float[] isotropicUnit(SplittableRandom random, float[] centre, double spread) {
    float[] v = new float[dimension];
    double scale = centre == null ? 1.0 : spread / Math.sqrt(dimension);
    for (int i = 0; i < dimension; i++) {
      double g = gaussian(random) * scale;
      v[i] = (float) ((centre == null ? 0 : centre[i]) + g);
    }
    return normalise(v);
  }

  /** normalise(centre + spread * (s ⊙ g) / sqrt(d)) with the decaying axis scales s. */
  private float[] gaussianUnit(SplittableRandom random, float[] centre, double spread) {
    float[] v = new float[dimension];
    double scale = spread / Math.sqrt(dimension);
    for (int i = 0; i < dimension; i++) {
      v[i] = (float) (centre[i] + gaussian(random) * scale * axisScale[i]);
    }
    return normalise(v);
  }

  static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += (double) x * x;
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / norm);
    }
    return v;
  }

  private static double gaussian(SplittableRandom random) {
    double u1 = random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
