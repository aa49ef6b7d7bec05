package dev.marquee.ann;

import java.util.Objects;

/**
 * Many (id, unit vector) pairs in one flat row-major matrix: row {@code i} is
 * {@code vectors[i * dimension, (i + 1) * dimension)} and belongs to {@code ids[i]}. The bulk input of
 * index builds and the output of exports; flat so a million rows are two arrays, not a million.
 */
public record VectorBatch(int[] ids, float[] vectors, int dimension) {

  public VectorBatch {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(vectors, "vectors");
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
    }
    if ((long) ids.length * dimension != vectors.length) {
      throw new IllegalArgumentException(
          "vectors holds " + vectors.length + " floats, expected ids.length * dimension = "
              + (long) ids.length * dimension);
    }
  }

  public int size() {
    return ids.length;
  }

  /** Copy of row {@code row}'s vector. */
  public float[] vector(int row) {
    float[] out = new float[dimension];
    System.arraycopy(vectors, row * dimension, out, 0, dimension);
    return out;
  }

  /**
   * Rejects negative or duplicate ids and vectors that are not finite unit vectors, naming the first
   * offending row.
   */
  public VectorBatch validated() {
    java.util.BitSet seen = new java.util.BitSet();
    for (int row = 0; row < ids.length; row++) {
      int id = ids[row];
      VectorChecks.checkId(id);
      if (seen.get(id)) {
        throw new IllegalArgumentException("duplicate video id " + id + " at row " + row);
      }
      seen.set(id);
      VectorChecks.checkUnitVector(id, vectors, row * dimension, dimension);
    }
    return this;
  }

  /** This batch followed by {@code other}'s rows (same dimension). */
  public VectorBatch concat(VectorBatch other) {
    if (other.dimension != dimension) {
      throw new IllegalArgumentException(
          "cannot concat batches of dimension " + dimension + " and " + other.dimension);
    }
    int[] allIds = new int[ids.length + other.ids.length];
    System.arraycopy(ids, 0, allIds, 0, ids.length);
    System.arraycopy(other.ids, 0, allIds, ids.length, other.ids.length);
    float[] all = new float[vectors.length + other.vectors.length];
    System.arraycopy(vectors, 0, all, 0, vectors.length);
    System.arraycopy(other.vectors, 0, all, vectors.length, other.vectors.length);
    return new VectorBatch(allIds, all, dimension);
  }
}
