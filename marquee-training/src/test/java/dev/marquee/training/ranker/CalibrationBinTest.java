package dev.marquee.training.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationBinTest {

    @Test
    void of_groupsRowsIntoEqualCountBinsByPrediction() {
        int rows = 20;
        float[] p = new float[rows * 3], y = new float[rows * 3];
        for (int r = 0; r < rows; r++) {
            p[r * 3 + 1] = (rows - r) / 100f; // descending, so sorting matters
            y[r * 3 + 1] = r < 4 ? 1f : 0f;   // the 4 highest predictions are positive
        }
        List<CalibrationBin> bins = CalibrationBin.of(p, y, rows, 1, 10);
        assertThat(bins).hasSize(10).allSatisfy(b -> assertThat(b.count()).isEqualTo(2));
        assertThat(bins.get(0).meanPredicted()).isCloseTo(0.015, within(1e-6));
        assertThat(bins.get(0).observedRate()).isZero();
        assertThat(bins.get(9).meanPredicted()).isCloseTo(0.195, within(1e-6));
        assertThat(bins.get(9).observedRate()).isEqualTo(1.0);
        assertThat(bins.get(8).observedRate()).isEqualTo(1.0);
        assertThat(bins.get(7).observedRate()).isZero();
    }

    @Test
    void headMetrics_logLossAndRates_matchHandComputedValues() {
        float[] p = {0.8f, 0, 0, 0.4f, 0, 0};
        float[] y = {1, 0, 0, 0, 0, 0};
        HeadMetrics m = HeadMetrics.of(p, y, 2, 0);
        assertThat(m.logLoss()).isCloseTo(-(Math.log(0.8f) + Math.log(1 - 0.4f)) / 2, within(1e-6));
        assertThat(m.auc()).isEqualTo(1.0);
        assertThat(m.predictedRate()).isCloseTo(0.6, within(1e-6));
        assertThat(m.observedRate()).isEqualTo(0.5);
        assertThat(HeadMetrics.of(p, y, 2, 1).auc()).as("one class only").isNaN();
    }
}
