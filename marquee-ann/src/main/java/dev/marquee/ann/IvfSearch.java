package dev.marquee.ann;

import java.util.function.IntPredicate;

/**
 * One IVF query (Jégou, Douze & Schmid, "Product quantization for nearest neighbor search", TPAMI
 * 2011, §4 IVFADC, with an 8-bit scalar quantizer and an exact re-rank as in their follow-up
 * "Searching in one billion vectors: re-rank with source coding", ICASSP 2011): score the query
 * against every centroid, scan the {@code probes} best non-empty lists, keep the
 * max(k, rerankDepth) best by int8 score, re-score those with float dot products and return the
 * best k. Unquantized, the probed lists' float vectors are scored exactly and no re-rank is needed.
 * If the probed lists hold fewer than k accepted vectors (tiny index, large k, selective filter),
 * further lists are scanned in centroid-score order until k are found or all lists are done, so a
 * short answer always means "fewer exist".
 */
final class IvfSearch {

  private IvfSearch() {}

  /**
   * Searches {@code state}; the caller holds its rows ({@link FloatRowStore.View#tryAcquire}) for
   * the duration.
   */
  static Neighbours search(
      IvfState state, IvfSettings settings, float[] query, int k, IntPredicate accept) {
    if (state.live() == 0) {
      return Neighbours.EMPTY;
    }
    int want = Math.min(k, state.live());
    Centroids centroids = state.centroids();
    PostingList[] lists = state.lists();
    float[] listScores = centroids.newScoreBuffer();
    centroids.scoreAll(query, 0, listScores);
    TopKHeap probe = new TopKHeap(Math.min(settings.probes(), lists.length));
    for (int c = 0; c < lists.length; c++) {
      if (lists[c].size() > 0) {
        probe.offer(c, listScores[c]);
      }
    }
    int[] order = probe.drainBestFirst().ids();
    boolean acceptAll = accept == VectorSearcher.ACCEPT_ALL;
    ListScanner scanner = state.quantized()
        ? new QuantizedScanner(state, query, Math.max(want, settings.rerankDepth()), accept, acceptAll)
        : new FloatScanner(state, query, want, accept, acceptAll);
    for (int list : order) {
      scanner.scan(lists[list], listScores[list]);
    }
    if (scanner.found() < want && order.length < countNonEmpty(lists)) {
      for (int list : remainingByScore(lists, listScores, order)) {
        scanner.scan(lists[list], listScores[list]);
        if (scanner.found() >= want) {
          break;
        }
      }
    }
    return scanner.result(want);
  }

  private static int countNonEmpty(PostingList[] lists) {
    int n = 0;
    for (PostingList list : lists) {
      n += list.size() > 0 ? 1 : 0;
    }
    return n;
  }

  /** The non-empty lists not in {@code scanned}, best centroid score first (the rare fallback). */
  private static int[] remainingByScore(PostingList[] lists, float[] scores, int[] scanned) {
    java.util.BitSet done = new java.util.BitSet(lists.length);
    for (int list : scanned) {
      done.set(list);
    }
    TopKHeap rest = new TopKHeap(lists.length);
    for (int c = 0; c < lists.length; c++) {
      if (!done.get(c) && lists[c].size() > 0) {
        rest.offer(c, scores[c]);
      }
    }
    return rest.size() == 0 ? new int[0] : rest.drainBestFirst().ids();
  }

  /** Scans lists into a bounded heap and turns it into the answer. */
  private interface ListScanner {
    void scan(PostingList list, float centroidScore);

    int found();

    Neighbours result(int k);
  }

  /** int8 scan into a deep candidate heap of store rows, then exact float re-rank. */
  private static final class QuantizedScanner implements ListScanner {
    private final IvfState state;
    private final float[] query;
    private final float[] weights;
    private final float[] blockScores = new float[PostingList.BLOCK];
    private final CandidateBuffer candidates;
    private final IntPredicate accept;
    private final boolean acceptAll;

    QuantizedScanner(IvfState state, float[] query, int depth, IntPredicate accept, boolean all) {
      this.state = state;
      this.query = query;
      this.weights = new float[query.length];
      state.quantizer().queryWeights(query, weights);
      this.candidates = new CandidateBuffer(depth);
      this.accept = accept;
      this.acceptAll = all;
    }

    @Override
    public void scan(PostingList list, float centroidScore) {
      Int8BlockScan.scan(list, weights, centroidScore, blockScores, candidates, state.rows(),
          accept, acceptAll);
    }

    @Override
    public int found() {
      return candidates.size();
    }

    @Override
    public Neighbours result(int k) {
      if (candidates.size() == 0) {
        return Neighbours.EMPTY;
      }
      FloatRowStore.View rows = state.rows();
      TopKHeap best = new TopKHeap(Math.min(k, candidates.size()));
      for (int row : candidates.best()) {
        best.offer(rows.id(row),
            DotProduct.dot(query, rows.page(row), rows.offset(row), query.length));
      }
      return best.drainBestFirst();
    }
  }

  /** Exact float scan of the probed lists straight into the top-k. */
  private static final class FloatScanner implements ListScanner {
    private final FloatRowStore.View rows;
    private final float[] query;
    private final TopKHeap best;
    private final IntPredicate accept;
    private final boolean acceptAll;

    FloatScanner(IvfState state, float[] query, int k, IntPredicate accept, boolean all) {
      this.rows = state.rows();
      this.query = query;
      this.best = new TopKHeap(k);
      this.accept = accept;
      this.acceptAll = all;
    }

    @Override
    public void scan(PostingList list, float centroidScore) {
      int[] listRows = list.rows();
      for (int i = 0; i < list.size(); i++) {
        int row = listRows[i];
        float score = DotProduct.dot(query, rows.page(row), rows.offset(row), query.length);
        if (best.wouldAccept(score)) {
          int id = rows.id(row);
          if (acceptAll || accept.test(id)) {
            best.offer(id, score);
          }
        }
      }
    }

    @Override
    public int found() {
      return best.size();
    }

    @Override
    public Neighbours result(int k) {
      return best.size() == 0 ? Neighbours.EMPTY : best.drainBestFirst();
    }
  }
}
