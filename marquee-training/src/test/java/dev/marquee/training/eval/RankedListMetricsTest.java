package dev.marquee.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class RankedListMetricsTest {
    private static BitSet set(int... ids) {
        BitSet b = new BitSet();
        for (int id : ids) {
            b.set(id);
        }
        return b;
    }

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void recall_countsHitsInTheFirstK() {
        int[] ranked = {5, 1, 9, 2};
        BitSet relevant = set(1, 2, 7);
        assertThat(RankedListMetrics.recall(ranked, 4, relevant, 1)).isZero();
        assertThat(RankedListMetrics.recall(ranked, 4, relevant, 2)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(RankedListMetrics.recall(ranked, 4, relevant, 4)).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void kLargerThanTheList_looksAtTheWholeList() {
        int[] ranked = {3, 4};
        BitSet relevant = set(4, 8);
        assertThat(RankedListMetrics.recall(ranked, 2, relevant, 1000)).isEqualTo(0.5);
        assertThat(RankedListMetrics.hit(ranked, 2, relevant, 1000)).isEqualTo(1.0);
        // DCG = 1/log2(3); ideal with 2 relevant at K=1000 = 1 + 1/log2(3)
        assertThat(RankedListMetrics.ndcg(ranked, 2, relevant, 1000))
                .isCloseTo((1 / LOG2_3) / (1 + 1 / LOG2_3), within(1e-12));
    }

    @Test
    void ndcg_handComputed_idealUsesMinOfKAndRelevantCount() {
        int[] ranked = {0, 1, 2, 3};
        BitSet relevant = set(1, 3);
        // hits at positions 1 and 3 (0-based): 1/log2(3) + 1/log2(5); ideal: 1 + 1/log2(3)
        double dcg = 1 / LOG2_3 + 1 / (Math.log(5) / Math.log(2));
        assertThat(RankedListMetrics.ndcg(ranked, 4, relevant, 4)).isCloseTo(dcg / (1 + 1 / LOG2_3), within(1e-12));
        // at K=1 the ideal is one hit at the top, and the list has none
        assertThat(RankedListMetrics.ndcg(ranked, 4, relevant, 1)).isZero();
        assertThat(RankedListMetrics.ndcg(new int[] {3, 1}, 2, relevant, 2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void repeatedVideo_countsOnceAtItsFirstPosition() {
        int[] ranked = {7, 7, 7};
        BitSet relevant = set(7, 8);
        assertThat(RankedListMetrics.recall(ranked, 3, relevant, 3)).isEqualTo(0.5);
        assertThat(RankedListMetrics.ndcg(ranked, 3, relevant, 3)).isCloseTo(1 / (1 + 1 / LOG2_3), within(1e-12));
    }

    @Test
    void reciprocalRank_isOneOverFirstHitPosition_zeroWithoutHit() {
        BitSet relevant = set(9);
        assertThat(RankedListMetrics.reciprocalRank(new int[] {1, 2, 9}, 3, relevant, 20)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(RankedListMetrics.reciprocalRank(new int[] {1, 2, 9}, 3, relevant, 2)).isZero();
        assertThat(RankedListMetrics.reciprocalRank(new int[0], 0, relevant, 20)).isZero();
    }

    @Test
    void lengthBoundsTheList_notTheArray() {
        int[] ranked = {1, 2, 3};
        assertThat(RankedListMetrics.recall(ranked, 1, set(3), 10)).isZero();
    }

    @Test
    void userWithNoPositives_isRejectedNotScoredAsZero() {
        assertThatThrownBy(() -> RankedListMetrics.recall(new int[] {1}, 1, new BitSet(), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no relevant video");
        assertThatThrownBy(() -> RankedListMetrics.ndcg(new int[] {1}, 1, new BitSet(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void descendingOrder_breaksTiesByLowerIndex() {
        assertThat(DescendingOrder.of(new int[] {2, 5, 5, 0, 2})).containsExactly(1, 2, 0, 4, 3);
        assertThat(CatalogueFacts.ranksOf(new int[] {2, 5, 5, 0, 2})).containsExactly(2, 0, 1, 4, 3);
    }
}
