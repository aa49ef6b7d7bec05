package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NeighbourMergeTest {

  @Test
  void merge_interleavesByScore_andCutsToK() {
    Neighbours fresh = new Neighbours(new int[] {10, 11}, new float[] {0.9f, 0.4f});
    Neighbours main = new Neighbours(new int[] {1, 2, 3}, new float[] {0.8f, 0.5f, 0.3f});

    Neighbours merged = NeighbourMerge.merge(fresh, main, 4);

    assertThat(merged.ids()).containsExactly(10, 1, 2, 11);
    assertThat(merged.scores()).containsExactly(0.9f, 0.8f, 0.5f, 0.4f);
  }

  @Test
  void merge_idInBoth_keepsFreshScoreOnce() {
    Neighbours fresh = new Neighbours(new int[] {2}, new float[] {0.1f});
    Neighbours main = new Neighbours(new int[] {2, 3}, new float[] {0.9f, 0.5f});

    Neighbours merged = NeighbourMerge.merge(fresh, main, 5);

    assertThat(merged.ids()).containsExactly(3, 2);
    assertThat(merged.scores()).containsExactly(0.5f, 0.1f);
  }

  @Test
  void merge_emptyFresh_returnsMainPrefix() {
    Neighbours main = new Neighbours(new int[] {1, 2, 3}, new float[] {0.8f, 0.5f, 0.3f});

    assertThat(NeighbourMerge.merge(Neighbours.EMPTY, main, 2).ids()).containsExactly(1, 2);
  }
}
