package dev.marquee.ann;

import java.util.Arrays;

/**
 * Merges the delta's and the main graph's best-first answers into one top-k. An id in both (a
 * re-upserted video seen in the graph before its tombstone landed) keeps the delta's fresher score.
 */
final class NeighbourMerge {

  private NeighbourMerge() {}

  static Neighbours merge(Neighbours fresh, Neighbours main, int k) {
    if (fresh.size() == 0) {
      return main.size() <= k ? main : truncate(main, k);
    }
    int[] freshIds = fresh.ids().clone();
    Arrays.sort(freshIds);
    int[] ids = new int[Math.min(k, fresh.size() + main.size())];
    float[] scores = new float[ids.length];
    int f = 0;
    int m = 0;
    int n = 0;
    while (n < ids.length && (f < fresh.size() || m < main.size())) {
      if (m < main.size() && Arrays.binarySearch(freshIds, main.id(m)) >= 0) {
        m++;
        continue;
      }
      boolean takeFresh = m >= main.size()
          || (f < fresh.size() && !better(main.id(m), main.score(m), fresh.id(f), fresh.score(f)));
      if (takeFresh) {
        ids[n] = fresh.id(f);
        scores[n++] = fresh.score(f++);
      } else {
        ids[n] = main.id(m);
        scores[n++] = main.score(m++);
      }
    }
    return n == ids.length ? new Neighbours(ids, scores)
        : new Neighbours(Arrays.copyOf(ids, n), Arrays.copyOf(scores, n));
  }

  private static boolean better(int idA, float scoreA, int idB, float scoreB) {
    return scoreA > scoreB || (scoreA == scoreB && idA < idB);
  }

  private static Neighbours truncate(Neighbours result, int k) {
    return new Neighbours(Arrays.copyOf(result.ids(), k), Arrays.copyOf(result.scores(), k));
  }
}
