package dev.marquee.ann;

import java.util.Arrays;

/**
 * One immutable inverted list: the store rows of its vectors and, when quantized, their int8
 * residual codes in one contiguous block-transposed array — blocks of {@value #BLOCK} vectors, and
 * inside a block dimension-major ({@code codes[(block·d + j)·BLOCK + lane]}), so the scan kernel
 * loads 8 codes of one dimension for 8 vectors at once. Writes copy (copy-on-write): a search
 * holding this list never sees it change. Tail lanes past {@link #size()} are zero and ignored.
 */
final class PostingList {

  static final int BLOCK = 32;

  private final int size;
  private final int[] rows;
  private final byte[] codes; // empty when unquantized
  private final int dimension;

  PostingList(int size, int[] rows, byte[] codes, int dimension) {
    this.size = size;
    this.rows = rows;
    this.codes = codes;
    this.dimension = dimension;
  }

  static PostingList empty(int dimension) {
    return new PostingList(0, new int[0], new byte[0], dimension);
  }

  /** Bytes of codes needed for {@code n} vectors (whole blocks). */
  static int codeBytes(int n, int dimension) {
    return (n + BLOCK - 1) / BLOCK * BLOCK * dimension;
  }

  /** Writes {@code code[0, d)} as entry {@code position} of a block-transposed code array. */
  static void putCode(byte[] codes, int position, byte[] code, int dimension) {
    int base = position / BLOCK * BLOCK * dimension + position % BLOCK;
    for (int j = 0; j < dimension; j++) {
      codes[base + j * BLOCK] = code[j];
    }
  }

  int size() {
    return size;
  }

  int row(int position) {
    return rows[position];
  }

  int[] rows() {
    return rows;
  }

  byte[] codes() {
    return codes;
  }

  /** Position of {@code row}, or -1. Linear: lists hold about n / lists entries. */
  int indexOf(int row) {
    for (int i = 0; i < size; i++) {
      if (rows[i] == row) {
        return i;
      }
    }
    return -1;
  }

  /** A copy with ({@code row}, {@code code}) appended; {@code code} null when unquantized. */
  PostingList withAppended(int row, byte[] code) {
    int[] newRows = Arrays.copyOf(rows, size + 1);
    newRows[size] = row;
    byte[] newCodes = codes;
    if (code != null) {
      newCodes = Arrays.copyOf(codes, codeBytes(size + 1, dimension));
      putCode(newCodes, size, code, dimension);
    }
    return new PostingList(size + 1, newRows, newCodes, dimension);
  }

  /** A copy without entry {@code position}: the last entry moves into the hole. */
  PostingList without(int position) {
    int last = size - 1;
    int[] newRows = Arrays.copyOf(rows, last);
    if (position != last) {
      newRows[position] = rows[last];
    }
    byte[] newCodes = codes;
    if (codes.length > 0) {
      newCodes = Arrays.copyOf(codes, codeBytes(last, dimension));
      if (position != last) {
        byte[] moved = new byte[dimension];
        int from = last / BLOCK * BLOCK * dimension + last % BLOCK;
        for (int j = 0; j < dimension; j++) {
          moved[j] = codes[from + j * BLOCK];
        }
        putCode(newCodes, position, moved, dimension);
      }
      if (last % BLOCK != 0) { // clear the vacated tail lane of the last block
        int tail = last / BLOCK * BLOCK * dimension + last % BLOCK;
        for (int j = 0; j < dimension; j++) {
          newCodes[tail + j * BLOCK] = 0;
        }
      }
    }
    return new PostingList(last, newRows, newCodes, dimension);
  }

  /** The same entries pointing at renumbered rows ({@code newRowOf[oldRow]}), codes shared. */
  PostingList renumbered(int[] newRowOf) {
    int[] newRows = new int[size];
    for (int i = 0; i < size; i++) {
      newRows[i] = newRowOf[rows[i]];
    }
    return new PostingList(size, newRows, codes, dimension);
  }

  long bytesUsed() {
    return 32L + 4L * rows.length + codes.length;
  }
}
