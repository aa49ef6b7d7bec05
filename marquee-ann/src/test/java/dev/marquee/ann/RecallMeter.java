package dev.marquee.ann;

import java.util.BitSet;

/** Recall@k of an approximate answer against the exact one: |approx ∩ exact| / |exact|. */
final class RecallMeter {

  private long found;
  private long expected;

  void add(Neighbours exact, Neighbours approximate) {
    BitSet truth = new BitSet();
    for (int id : exact.ids()) {
      truth.set(id);
    }
    for (int id : approximate.ids()) {
      if (truth.get(id)) {
        found++;
      }
    }
    expected += exact.size();
  }

  double recall() {
    return expected == 0 ? 1.0 : (double) found / expected;
  }
}
