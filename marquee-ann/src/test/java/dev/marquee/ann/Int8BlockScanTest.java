package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class Int8BlockScanTest {

  @Property(tries = 50)
  void scan_matchesAScalarDotProductOfTheCodes(
      @ForAll @IntRange(min = 1, max = 100) int size, @ForAll long seed) {
    int d = 24;
    SplittableRandom random = new SplittableRandom(seed);
    byte[][] entries = new byte[size][d];
    PostingList list = PostingList.empty(d);
    for (int i = 0; i < size; i++) {
      random.nextBytes(entries[i]);
      list = list.withAppended(i, entries[i]);
    }
    float[] weights = new float[d];
    for (int j = 0; j < d; j++) {
      weights[j] = (float) random.nextGaussian();
    }
    FloatRowStore store = new FloatRowStore(d);
    for (int i = 0; i < size; i++) {
      store.append(1000 + i, new float[d], 0);
    }
    CandidateBuffer pool = new CandidateBuffer(size);
    Int8BlockScan.scan(list, weights, 0.5f, new float[PostingList.BLOCK], pool, store.view(),
        id -> id % 3 != 0, false);
    int[] rows = pool.best();
    assertThat(Arrays.stream(rows)).allMatch(row -> (1000 + row) % 3 != 0);
    assertThat(rows.length).isEqualTo((int) java.util.stream.IntStream.range(0, size)
        .filter(row -> (1000 + row) % 3 != 0).count());
  }

  @Property(tries = 50)
  void scores_matchScalarReference(@ForAll @IntRange(min = 1, max = 70) int size, @ForAll long seed) {
    int d = 16;
    SplittableRandom random = new SplittableRandom(seed);
    PostingList list = PostingList.empty(d);
    byte[][] entries = new byte[size][d];
    for (int i = 0; i < size; i++) {
      random.nextBytes(entries[i]);
      list = list.withAppended(i, entries[i]);
    }
    float[] weights = new float[d];
    for (int j = 0; j < d; j++) {
      weights[j] = (float) random.nextGaussian();
    }
    FloatRowStore store = new FloatRowStore(d);
    for (int i = 0; i < size; i++) {
      store.append(i, new float[d], 0);
    }
    // depth 1: the pool keeps the single best; it must be the scalar argmax
    CandidateBuffer pool = new CandidateBuffer(1);
    Int8BlockScan.scan(list, weights, 0f, new float[PostingList.BLOCK], pool, store.view(),
        VectorSearcher.ACCEPT_ALL, true);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += weights[j] * entries[i][j];
      }
      if (s > bestScore + 1e-3) {
        bestScore = s;
        best = i;
      }
    }
    int found = pool.best()[0];
    double foundScore = 0;
    for (int j = 0; j < d; j++) {
      foundScore += weights[j] * entries[found][j];
    }
    assertThat(foundScore).isCloseTo(bestScore, org.assertj.core.data.Offset.offset(1e-3));
  }
}
