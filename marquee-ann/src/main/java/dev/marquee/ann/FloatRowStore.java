package dev.marquee.ann;

import java.util.Arrays;

/**
 * The float vectors behind an IVF index (for re-ranking, or for the unquantized scan), in
 * append-only pages of {@value #PAGE_ROWS} rows, plus each row's video id. A row is written once
 * and never changed, so a {@link View} taken before an append stays valid and consistent while the
 * single writer keeps appending; a replaced vector gets a new row and its old row becomes garbage
 * until the owner compacts into a fresh store. Build order puts each list's rows side by side, so
 * a list scan and its re-rank read mostly sequential memory.
 */
final class FloatRowStore {

  static final int PAGE_SHIFT = 13;
  static final int PAGE_ROWS = 1 << PAGE_SHIFT;
  private static final int PAGE_MASK = PAGE_ROWS - 1;

  private final int dimension;
  private float[][] pages = new float[0][];
  private int[][] idPages = new int[0][];
  private int count;

  FloatRowStore(int dimension) {
    this.dimension = dimension;
  }

  /** Appends {@code vector[offset, offset + d)} for {@code id}; returns its row. Writer only. */
  int append(int id, float[] vector, int offset) {
    int page = count >>> PAGE_SHIFT;
    if (page == pages.length) {
      pages = Arrays.copyOf(pages, page + 1);
      idPages = Arrays.copyOf(idPages, page + 1);
      pages[page] = new float[PAGE_ROWS * dimension];
      idPages[page] = new int[PAGE_ROWS];
    }
    int slot = count & PAGE_MASK;
    System.arraycopy(vector, offset, pages[page], slot * dimension, dimension);
    idPages[page][slot] = id;
    return count++;
  }

  int count() {
    return count;
  }

  /** An immutable view of the rows appended so far (publish it after the appends it must see). */
  View view() {
    return new View(pages, idPages, count, dimension);
  }

  long bytesUsed() {
    return (long) pages.length * PAGE_ROWS * (4L * dimension + 4L);
  }

  /** Rows [0, count) of a store at one moment. */
  record View(float[][] pages, int[][] idPages, int count, int dimension) {

    float[] page(int row) {
      return pages[row >>> PAGE_SHIFT];
    }

    int offset(int row) {
      return (row & PAGE_MASK) * dimension;
    }

    int id(int row) {
      return idPages[row >>> PAGE_SHIFT][row & PAGE_MASK];
    }
  }
}
