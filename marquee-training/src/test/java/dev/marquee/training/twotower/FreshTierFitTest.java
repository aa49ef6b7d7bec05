package dev.marquee.training.twotower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FreshTierFitTest {

    @Test
    void wilsonLow_isBelowThePointEstimate_andTightensWithMorePairs() {
        assertThat(FreshTierFit.wilsonLow(6, 150)).isCloseTo(0.0184, within(1e-3));
        assertThat(FreshTierFit.wilsonLow(60, 1500)).isGreaterThan(FreshTierFit.wilsonLow(6, 150)).isLessThan(0.04);
        assertThat(FreshTierFit.wilsonLow(0, 0)).isZero();
        assertThat(FreshTierFit.wilsonLow(0, 10)).isZero();
    }

    @Test
    void choose_bestRecallAmongCellsWhoseFreshRecallBoundMeetsTheTarget() {
        FreshTierFit.Row none = new FreshTierFit.Row(0, 0, 1, 0.58, 150, 0.0133, 0.04);     // 2 hits: bound far below
        FreshTierFit.Row lucky = new FreshTierFit.Row(0.15, 0.03, 1, 0.575, 150, 0.0267, 0.038); // point ratio 0.7, bound not
        FreshTierFit.Row enough = new FreshTierFit.Row(0.3, 0.06, 0.2, 0.570, 150, 0.04, 0.0345);
        FreshTierFit.Row more = new FreshTierFit.Row(0.5, 0.1, 1, 0.55, 150, 0.11, 0.027);
        assertThat(lucky.ratio()).isGreaterThan(0.5);
        assertThat(lucky.meetsTarget()).isFalse();
        assertThat(FreshTierFit.choose(List.of(none, lucky, enough, more))).isSameAs(enough);
    }

    @Test
    void choose_withoutAQualifyingCell_takesTheBestRatio() {
        FreshTierFit.Row a = new FreshTierFit.Row(0, 0, 1, 0.58, 150, 0.0, 0.04);
        FreshTierFit.Row b = new FreshTierFit.Row(0.1, 0.02, 1, 0.57, 150, 0.0133, 0.04);
        assertThat(FreshTierFit.choose(List.of(a, b))).isSameAs(b);
    }
}
