package dev.marquee.ann;

/** Input validation shared by every index: clear messages instead of silent garbage scores. */
final class VectorChecks {

  /** Tolerance on the L2 norm: float rounding of a normalised 64-d vector stays far below this. */
  static final double NORM_TOLERANCE = 1e-3;

  private VectorChecks() {}

  static void checkId(int id) {
    if (id < 0) {
      throw new IllegalArgumentException("video id must be >= 0, got " + id);
    }
  }

  static void checkQuery(float[] query, int dimension, int k) {
    if (query == null) {
      throw new IllegalArgumentException("query vector is null");
    }
    if (query.length != dimension) {
      throw new IllegalArgumentException(
          "query has dimension " + query.length + ", index expects " + dimension);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
  }

  /** Checks length, finiteness and unit norm of {@code vector[offset, offset + dimension)}. */
  static void checkUnitVector(int id, float[] vector, int offset, int dimension) {
    double squaredNorm = 0;
    for (int i = 0; i < dimension; i++) {
      float x = vector[offset + i];
      if (!Float.isFinite(x)) {
        throw new IllegalArgumentException(
            "vector of id " + id + " has a non-finite component at " + i + ": " + x);
      }
      squaredNorm += (double) x * x;
    }
    double norm = Math.sqrt(squaredNorm);
    if (Math.abs(norm - 1) > NORM_TOLERANCE) {
      throw new IllegalArgumentException(
          "vector of id " + id + " must be L2-normalised, its norm is " + norm);
    }
  }

  static void checkUnitVector(int id, float[] vector, int dimension) {
    if (vector == null) {
      throw new IllegalArgumentException("vector of id " + id + " is null");
    }
    if (vector.length != dimension) {
      throw new IllegalArgumentException(
          "vector of id " + id + " has dimension " + vector.length + ", index expects " + dimension);
    }
    checkUnitVector(id, vector, 0, dimension);
  }
}
