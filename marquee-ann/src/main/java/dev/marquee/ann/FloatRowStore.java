package dev.marquee.ann;

import java.util.Arrays;

/**
 * The float vectors behind an IVF index (for re-ranking, or for the unquantized scan), in
 * append-only pages of {@link #pageRows} rows (a power of two, pages of at most {@value #PAGE_BYTES}
 * bytes: G1 stores an array of half a region or more as a "humongous" object in whole regions of
 * its own, so 2 MB pages in 4 MB regions doubled the index's heap), plus each row's video id. A row is written once
 * and never changed, so a {@link View} taken before an append stays valid and consistent while the
 * single writer keeps appending; a replaced vector gets a new row and its old row becomes garbage
 * until the owner compacts into a fresh store. Build order puts each list's rows side by side, so
 * a list scan and its re-rank read mostly sequential memory.
 */
final class FloatRowStore {

  /** Page size bound: under half of G1's smallest region (1 MB), so no page is humongous. */
  static final int PAGE_BYTES = 256 << 10;

  private final int dimension;
  private final int shift;
  private float[][] pages = new float[0][];
  private int[][] idPages = new int[0][];
  private int count;

  FloatRowStore(int dimension) {
    this.dimension = dimension;
    this.shift = Integer.numberOfTrailingZeros(pageRows(dimension));
  }

  /** Rows per page for vectors of {@code dimension} floats (1,024 at 64-d). */
  static int pageRows(int dimension) {
    return Math.max(1, Integer.highestOneBit(PAGE_BYTES / (4 * dimension)));
  }

  /** Appends {@code vector[offset, offset + d)} for {@code id}; returns its row. Writer only. */
  int append(int id, float[] vector, int offset) {
    int page = count >>> shift;
    if (page == pages.length) {
      pages = Arrays.copyOf(pages, page + 1);
      idPages = Arrays.copyOf(idPages, page + 1);
      pages[page] = new float[dimension << shift];
      idPages[page] = new int[1 << shift];
    }
    int slot = count & ((1 << shift) - 1);
    System.arraycopy(vector, offset, pages[page], slot * dimension, dimension);
    idPages[page][slot] = id;
    return count++;
  }

  int count() {
    return count;
  }

  /** An immutable view of the rows appended so far (publish it after the appends it must see). */
  View view() {
    return new View(pages, idPages, count, dimension, shift);
  }

  /** Rows per page of this store. */
  int pageRows() {
    return 1 << shift;
  }

  long bytesUsed() {
    return ((long) pages.length << shift) * (4L * dimension + 4L);
  }

  /** Rows [0, count) of a store at one moment; pages of {@code 1 << shift} rows. */
  record View(float[][] pages, int[][] idPages, int count, int dimension, int shift) {

    float[] page(int row) {
      return pages[row >>> shift];
    }

    int offset(int row) {
      return (row & ((1 << shift) - 1)) * dimension;
    }

    int id(int row) {
      return idPages[row >>> shift][row & ((1 << shift) - 1)];
    }

    /** Bytes of the pages this view holds (floats and ids). */
    long bytesUsed() {
      return ((long) pages.length << shift) * (4L * dimension + 4L);
    }
  }
}
