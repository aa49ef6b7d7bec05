package dev.marquee.training.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PageNdcgTest {
    static final double[] W = {1, 2, 4};

    @Test
    void mean_matchesHandComputedValues_andSkipsPagesWithoutGain() {
        // page 0: gains [0, 1, 2]; scores put them in order 0,1,2 -> DCG = 1/log2(3) + 2/log2(4)
        // page 1: no engagement -> skipped; page 2: one click ranked first -> 1.0
        int[] requests = {0, 0, 0, 1, 1, 2, 2};
        float[] labels = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0};
        double[] scores = {3, 2, 1, 5, 4, 9, 1};
        double dcg = 1 / (Math.log(3) / Math.log(2)) + 2 / (Math.log(4) / Math.log(2));
        double idcg = 2 + 1 / (Math.log(3) / Math.log(2));
        assertThat(PageNdcg.mean(requests, labels, scores, 7, W, 10)).isCloseTo((dcg / idcg + 1.0) / 2, within(1e-12));
    }

    @Test
    void mean_groupsRowsOfARequestEvenWhenInterleaved_andCutsAtK() {
        int[] requests = {5, 6, 5, 6};
        float[] labels = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0};
        double[] scores = {1, 1, 2, 2};
        assertThat(PageNdcg.mean(requests, labels, scores, 4, W, 10)).isCloseTo((1 + 1 / (Math.log(3) / Math.log(2))) / 2, within(1e-12));
        assertThat(PageNdcg.mean(requests, labels, scores, 4, W, 1)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void mean_isNaNWithoutAnyEngagement_andTiesKeepLoggedOrder() {
        assertThat(PageNdcg.mean(new int[] {0, 0}, new float[6], new double[] {1, 2}, 2, W, 10)).isNaN();
        float[] labels = {1, 0, 0, 0, 0, 0};
        assertThat(PageNdcg.mean(new int[] {0, 0}, labels, new double[] {1, 1}, 2, W, 10)).isEqualTo(1.0);
    }
}
