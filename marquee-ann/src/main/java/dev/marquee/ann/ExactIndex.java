package dev.marquee.ann;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

/**
 * Brute-force maximum-inner-product search: every row of a flat row-major float matrix is scored
 * with a SIMD dot product ({@link DotProduct}) and the best k kept in a bounded heap. Exact, so it is
 * the oracle for recall tests, and cheap for small sets, so it is the fresh-upsert delta beside the
 * HNSW graph. Cost is O(n·d) per query (≈ 10 ms for 1M × 64 on one core).
 *
 * <p>Thread-safe: searches share a read lock, writes take the write lock briefly. Removal moves the
 * last row into the hole, so the matrix stays dense. Ids index a dense id → row array, so they
 * should be dense (video ids are).
 */
public final class ExactIndex implements VectorIndex {

  private static final int ABSENT = -1;

  private final int dimension;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private float[] matrix;
  private int[] rowIds;
  private int[] rowOfId = new int[0];
  private int rows;

  /** An empty index for vectors of length {@code dimension}. */
  public ExactIndex(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
    }
    this.dimension = dimension;
    this.matrix = new float[16 * dimension];
    this.rowIds = new int[16];
  }

  /** An index holding a validated copy of {@code batch}. */
  public static ExactIndex of(VectorBatch batch) {
    batch.validated();
    ExactIndex index = new ExactIndex(batch.dimension());
    index.ensureRows(batch.size());
    for (int row = 0; row < batch.size(); row++) {
      index.put(batch.ids()[row], batch.vectors(), row * batch.dimension());
    }
    return index;
  }

  @Override
  public Neighbours search(float[] query, int k, IntPredicate accept) {
    VectorChecks.checkQuery(query, dimension, k);
    boolean acceptAll = accept == ACCEPT_ALL;
    lock.readLock().lock();
    try {
      if (rows == 0) {
        return Neighbours.EMPTY;
      }
      TopKHeap heap = new TopKHeap(Math.min(k, rows));
      float[] m = matrix;
      for (int row = 0, offset = 0; row < rows; row++, offset += dimension) {
        float score = DotProduct.dot(query, m, offset, dimension);
        if (heap.wouldAccept(score)) {
          int id = rowIds[row];
          if (acceptAll || accept.test(id)) {
            heap.offer(id, score);
          }
        }
      }
      return heap.drainBestFirst();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void upsert(int id, float[] vector) {
    VectorChecks.checkId(id);
    VectorChecks.checkUnitVector(id, vector, dimension);
    lock.writeLock().lock();
    try {
      ensureRows(rows + 1);
      put(id, vector, 0);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void remove(int id) {
    lock.writeLock().lock();
    try {
      if (id < 0 || id >= rowOfId.length || rowOfId[id] == ABSENT) {
        return;
      }
      int hole = rowOfId[id];
      int last = rows - 1;
      if (hole != last) {
        System.arraycopy(matrix, last * dimension, matrix, hole * dimension, dimension);
        rowIds[hole] = rowIds[last];
        rowOfId[rowIds[hole]] = hole;
      }
      rowOfId[id] = ABSENT;
      rows = last;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** True when {@code id} is indexed. */
  public boolean contains(int id) {
    lock.readLock().lock();
    try {
      return id >= 0 && id < rowOfId.length && rowOfId[id] != ABSENT;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A consistent copy of every (id, vector) held, in storage order. */
  public VectorBatch snapshot() {
    lock.readLock().lock();
    try {
      return new VectorBatch(
          Arrays.copyOf(rowIds, rows), Arrays.copyOf(matrix, rows * dimension), dimension);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int size() {
    lock.readLock().lock();
    try {
      return rows;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public long bytesUsed() {
    lock.readLock().lock();
    try {
      return 4L * matrix.length + 4L * rowIds.length + 4L * rowOfId.length;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Caller holds the write lock (or owns the index exclusively) and has ensured capacity. */
  private void put(int id, float[] source, int sourceOffset) {
    if (id >= rowOfId.length) {
      int grown = Math.max(id + 1, rowOfId.length + (rowOfId.length >> 1));
      int old = rowOfId.length;
      rowOfId = Arrays.copyOf(rowOfId, grown);
      Arrays.fill(rowOfId, old, grown, ABSENT);
    }
    int row = rowOfId[id];
    if (row == ABSENT) {
      row = rows++;
      rowIds[row] = id;
      rowOfId[id] = row;
    }
    System.arraycopy(source, sourceOffset, matrix, row * dimension, dimension);
  }

  private void ensureRows(int needed) {
    if (needed > rowIds.length) {
      int grown = Math.max(needed, rowIds.length + (rowIds.length >> 1));
      rowIds = Arrays.copyOf(rowIds, grown);
      matrix = Arrays.copyOf(matrix, Math.multiplyExact(grown, dimension));
    }
  }
}
