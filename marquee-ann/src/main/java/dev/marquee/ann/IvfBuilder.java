package dev.marquee.ann;

import java.util.Arrays;

/**
 * Bulk construction of an {@link IvfIndex}: train centroids (spherical k-means on a sample), assign
 * every vector to its nearest centroid, group rows by list (a counting sort, so each list's floats
 * are contiguous in the store), train the residual quantizer on all residuals, and write each
 * list's codes once. O(n · lists · d) for the assignment, which dominates; single-threaded.
 */
final class IvfBuilder {

  /** What a build hands to the index: its first state plus the writer-side id maps. */
  record Built(IvfState state, FloatRowStore store, int[] rowOfId, int[] listOfId) {}

  private IvfBuilder() {}

  static Built build(VectorBatch batch, IvfSettings settings) {
    int n = batch.size();
    int d = batch.dimension();
    int listCount = settings.listsFor(n);
    Centroids centroids = n == 0
        ? new Centroids(new float[d], 1, d)
        : new SphericalKMeans(listCount, settings.iterations(), settings.seed())
            .train(batch, settings.trainingSample());
    listCount = centroids.count();

    int[] listOfRow = new int[n];
    int[] sizes = new int[listCount];
    float[] scratch = centroids.newScoreBuffer();
    for (int row = 0; row < n; row++) {
      listOfRow[row] = centroids.nearest(batch.vectors(), row * d, scratch);
      sizes[listOfRow[row]]++;
    }
    int[] start = new int[listCount + 1];
    for (int c = 0; c < listCount; c++) {
      start[c + 1] = start[c] + sizes[c];
    }
    int[] byList = new int[n];
    int[] fill = Arrays.copyOf(start, listCount);
    for (int row = 0; row < n; row++) {
      byList[fill[listOfRow[row]]++] = row;
    }

    ResidualQuantizer quantizer = settings.quantized()
        ? ResidualQuantizer.train(batch, allRows(n), listOfRow, centroids) : null;
    int maxId = -1;
    for (int id : batch.ids()) {
      maxId = Math.max(maxId, id);
    }
    int[] rowOfId = new int[maxId + 1];
    int[] listOfId = new int[maxId + 1];
    Arrays.fill(rowOfId, -1);
    FloatRowStore store = new FloatRowStore(d);
    PostingList[] lists = new PostingList[listCount];
    byte[] code = new byte[d];
    for (int c = 0; c < listCount; c++) {
      int size = sizes[c];
      int[] rows = new int[size];
      byte[] codes = quantizer == null ? new byte[0] : new byte[PostingList.codeBytes(size, d)];
      for (int i = 0; i < size; i++) {
        int source = byList[start[c] + i];
        int id = batch.ids()[source];
        rows[i] = store.append(id, batch.vectors(), source * d);
        rowOfId[id] = rows[i];
        listOfId[id] = c;
        if (quantizer != null) {
          quantizer.encode(batch.vectors(), source * d, centroids, c, code);
          PostingList.putCode(codes, i, code, d);
        }
      }
      lists[c] = new PostingList(size, rows, codes, d);
    }
    IvfState state = new IvfState(centroids, quantizer, lists, store.view(), n);
    return new Built(state, store, rowOfId, listOfId);
  }

  private static int[] allRows(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }
}
