package dev.marquee.ann;

/**
 * Bounded min-heap of (id, score) in two primitive arrays: keeps the k best of a stream in
 * O(n log k) with no per-item allocation. The root is the worst kept entry, so the common case
 * (a candidate worse than the root) costs one comparison. Ties prefer the smaller id.
 */
final class TopKHeap {

  private final int capacity;
  private final int[] ids;
  private final float[] scores;
  private int size;

  TopKHeap(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("heap capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.ids = new int[capacity];
    this.scores = new float[capacity];
  }

  int size() {
    return size;
  }

  boolean isFull() {
    return size == capacity;
  }

  /** Score a candidate must beat to enter a full heap. */
  float threshold() {
    return size == capacity ? scores[0] : Float.NEGATIVE_INFINITY;
  }

  /** True if a candidate with this score would be kept (cheap pre-check before costly filters). */
  boolean wouldAccept(float score) {
    return size < capacity || score >= scores[0];
  }

  void offer(int id, float score) {
    if (size < capacity) {
      ids[size] = id;
      scores[size] = score;
      siftUp(size++);
    } else if (better(id, score, ids[0], scores[0])) {
      ids[0] = id;
      scores[0] = score;
      siftDown(0);
    }
  }

  /** Empties the heap into a result ordered best first. */
  Neighbours drainBestFirst() {
    int n = size;
    int[] outIds = new int[n];
    float[] outScores = new float[n];
    for (int i = n - 1; i >= 0; i--) {
      outIds[i] = ids[0];
      outScores[i] = scores[0];
      size--;
      ids[0] = ids[size];
      scores[0] = scores[size];
      siftDown(0);
    }
    return new Neighbours(outIds, outScores);
  }

  private static boolean better(int idA, float scoreA, int idB, float scoreB) {
    return scoreA > scoreB || (scoreA == scoreB && idA < idB);
  }

  private void siftUp(int index) {
    int id = ids[index];
    float score = scores[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (!better(ids[parent], scores[parent], id, score)) {
        break;
      }
      ids[index] = ids[parent];
      scores[index] = scores[parent];
      index = parent;
    }
    ids[index] = id;
    scores[index] = score;
  }

  private void siftDown(int index) {
    int id = ids[index];
    float score = scores[index];
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      int right = child + 1;
      if (right < size && better(ids[child], scores[child], ids[right], scores[right])) {
        child = right;
      }
      if (!better(id, score, ids[child], scores[child])) {
        break;
      }
      ids[index] = ids[child];
      scores[index] = scores[child];
      index = child;
    }
    ids[index] = id;
    scores[index] = score;
  }
}
