package dev.marquee.ann;

/**
 * Keeps (at least) the {@code depth} best-scoring store rows of a long stream in amortised O(1) per
 * candidate — the re-rank pool of an IVF query. Candidates above a running threshold are appended
 * to a buffer of 2·depth; when it fills, a quickselect (Hoare) keeps the best depth and raises the
 * threshold to the worst kept score. A heap of depth 2000 costs ~11 sift levels per accepted
 * candidate and dominated the profile; this costs one compare and store (the approach of Faiss's
 * reservoir result handlers). Order of the kept rows is unspecified: the caller re-scores them.
 */
final class CandidateBuffer {

  private final int depth;
  private final int[] rows;
  private final float[] scores;
  private int size;
  private float threshold = Float.NEGATIVE_INFINITY;

  CandidateBuffer(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("candidate depth must be >= 1, got " + depth);
    }
    this.depth = depth;
    this.rows = new int[2 * depth];
    this.scores = new float[2 * depth];
  }

  /** Candidates scoring at or below this cannot enter (cheap pre-check before the filter). */
  boolean wouldAccept(float score) {
    return score > threshold;
  }

  void add(int row, float score) {
    if (size == rows.length) {
      keepBest();
      if (score <= threshold) {
        return;
      }
    }
    rows[size] = row;
    scores[size++] = score;
  }

  /** Number of rows that would be returned now (at most depth). */
  int size() {
    return Math.min(size, depth);
  }

  /** The best min(size, depth) rows, unordered, copied. */
  int[] best() {
    if (size > depth) {
      keepBest();
    }
    return java.util.Arrays.copyOf(rows, size);
  }

  /** Partitions so the best {@code depth} occupy [0, depth), then drops the rest. */
  private void keepBest() {
    int low = 0;
    int high = size - 1;
    int target = depth - 1; // index of the worst kept candidate once sorted descending
    while (low < high) {
      float pivot = scores[(low + high) >>> 1];
      int i = low;
      int j = high;
      while (i <= j) {
        while (scores[i] > pivot) {
          i++;
        }
        while (scores[j] < pivot) {
          j--;
        }
        if (i <= j) {
          swap(i++, j--);
        }
      }
      if (target <= j) {
        high = j;
      } else if (target >= i) {
        low = i;
      } else {
        break;
      }
    }
    size = depth;
    float worst = scores[0];
    for (int i = 1; i < depth; i++) {
      worst = Math.min(worst, scores[i]);
    }
    threshold = worst;
  }

  private void swap(int a, int b) {
    int row = rows[a];
    rows[a] = rows[b];
    rows[b] = row;
    float score = scores[a];
    scores[a] = scores[b];
    scores[b] = score;
  }
}
