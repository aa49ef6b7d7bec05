package dev.marquee.ann;

/**
 * One consistent version of an {@link IvfIndex}, published whole through one volatile write: a
 * search reads it once and sees every list and row as of one write. Never mutated after
 * publication (writers build the next one from copies).
 *
 * @param quantizer null when the index scans float vectors
 * @param lists one posting list per centroid
 * @param rows the float vectors and ids every list points into
 * @param live vectors searchable in this version
 */
record IvfState(
    Centroids centroids, ResidualQuantizer quantizer, PostingList[] lists, FloatRowStore.View rows,
    int live) {

  boolean quantized() {
    return quantizer != null;
  }

  long listBytes() {
    long total = 4L * lists.length;
    for (PostingList list : lists) {
      total += list.bytesUsed();
    }
    return total;
  }
}
