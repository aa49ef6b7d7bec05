package dev.marquee.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PolicyAccumulatorTest {
    private static final long HOUR = 3_600_000L;
    private static final long CUTOFF = 1_000 * HOUR;

    /** 40 videos: creator = id % 4, category = id % 2, popularity rank = id, video 0 uploaded 1 h before the cutoff. */
    private static CatalogueFacts facts() {
        int n = 40;
        boolean[] servable = new boolean[n];
        java.util.Arrays.fill(servable, true);
        servable[39] = false;
        long[] uploaded = new long[n];
        java.util.Arrays.fill(uploaded, CUTOFF - 100 * HOUR);
        uploaded[0] = CUTOFF - HOUR;
        return new CatalogueFacts(n, servable, IntStream.range(0, n).map(i -> i % 4).toArray(),
                IntStream.range(0, n).map(i -> i % 2).toArray(), IntStream.range(0, n).toArray(), uploaded);
    }

    private static BitSet set(int... ids) {
        BitSet b = new BitSet();
        for (int id : ids) {
            b.set(id);
        }
        return b;
    }

    @Test
    void result_averagesUsersAndPages_handComputed() {
        PolicyAccumulator acc = new PolicyAccumulator(facts(), 20, CUTOFF);
        int[] first = IntStream.range(0, 20).toArray();
        acc.add(first, 20, set(0, 25));       // hit at position 1, one relevant outside the page
        acc.add(new int[] {4, 8}, 2, set(8)); // a short page: hit at position 2
        PolicyMetrics m = acc.result();
        assertThat(m.users()).isEqualTo(2);
        assertThat(m.recall20()).isCloseTo((0.5 + 1.0) / 2, within(1e-12));
        assertThat(m.mrr()).isCloseTo((1.0 + 0.5) / 2, within(1e-12));
        assertThat(m.hitRate()).isEqualTo(1.0);
        // distinct shown: 0..19 (4 and 8 among them) over 39 servable videos
        assertThat(m.coverage()).isCloseTo(20 / 39.0, within(1e-12));
        // page 1: 4 creators / 20; page 2: videos 4 and 8 share creator 0 -> 1 / 2
        assertThat(m.creatorDiversity()).isCloseTo((4 / 20.0 + 1 / 2.0) / 2, within(1e-12));
        assertThat(m.categoryDiversity()).isCloseTo((2 / 20.0 + 1 / 2.0) / 2, within(1e-12));
        // one fresh slot (video 0) among 22
        assertThat(m.freshShare()).isCloseTo(1 / 22.0, within(1e-12));
        double rankSum = IntStream.range(0, 20).sum() + 4 + 8;
        assertThat(m.meanPopularityRank()).isCloseTo(rankSum / 22, within(1e-12));
        assertThat(m.novelty()).isCloseTo(rankSum / 39 / 22, within(1e-12));
    }

    @Test
    void emptyPage_countsAsMissForAccuracy_butNotAsAPage() {
        PolicyAccumulator acc = new PolicyAccumulator(facts(), 20, CUTOFF);
        acc.add(new int[0], 0, set(3));
        acc.add(new int[] {3}, 1, set(3));
        PolicyMetrics m = acc.result();
        assertThat(m.recall10()).isEqualTo(0.5);
        assertThat(m.ndcg10()).isEqualTo(0.5);
        assertThat(m.creatorDiversity()).isEqualTo(1.0);
    }

    @Test
    void unservableVideo_isRejected() {
        PolicyAccumulator acc = new PolicyAccumulator(facts(), 20, CUTOFF);
        assertThatThrownBy(() -> acc.add(new int[] {39}, 1, set(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("39");
    }

    @Test
    void recallAccumulator_isMonotoneInK_andCapsAtTheListLength() {
        RecallAccumulator acc = new RecallAccumulator();
        int[] list = IntStream.range(0, 300).toArray();
        acc.add(list, list.length, set(5, 150, 299, 5000));
        RecallCurve c = acc.result();
        assertThat(c.at(10)).isEqualTo(0.25);
        assertThat(c.at(100)).isEqualTo(0.25);
        assertThat(c.at(200)).isEqualTo(0.5);
        assertThat(c.at(1000)).isEqualTo(0.75);
        for (int i = 1; i < c.ks().length; i++) {
            assertThat(c.recall()[i]).isGreaterThanOrEqualTo(c.recall()[i - 1]);
        }
    }
}
