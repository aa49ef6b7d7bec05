package dev.marquee.training.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.models.TrainingConfig;
import org.junit.jupiter.api.Test;

class RankerStepBudgetTest {

    private static long steps(TrainingConfig t, int rows) {
        return (long) Math.ceilDiv(rows, t.batchSize()) * t.maxEpochs();
    }

    @Test
    void forRows_givesSmallDatasetsAtLeastTheMinimumAdamSteps() {
        for (int rows : new int[] {3_000, 10_000, 30_000}) {
            TrainingConfig t = RankerStepBudget.forRows(3, rows, 7L);
            assertThat(steps(t, rows)).as("rows %d", rows).isGreaterThanOrEqualTo(RankerStepBudget.MIN_STEPS);
            assertThat(t.maxEpochs()).isLessThanOrEqualTo(RankerStepBudget.MAX_EPOCHS);
            assertThat(t.seed()).isEqualTo(7L);
            assertThat(t.patience()).isEqualTo(2);
        }
    }

    @Test
    void forRows_keepsBatch512AndTheBudgetsEpochsOnLargeDatasets() {
        TrainingConfig t = RankerStepBudget.forRows(4, 1_500_000);
        assertThat(t.batchSize()).isEqualTo(RankerStepBudget.MAX_BATCH);
        assertThat(t.maxEpochs()).isEqualTo(4);
        TrainingConfig evalWorld = RankerStepBudget.forRows(3, 107_244);
        assertThat(evalWorld.maxEpochs()).isEqualTo(12);
        assertThat(evalWorld.learningRate()).isEqualTo(RankerStepBudget.LARGE_LEARNING_RATE);
        assertThat(steps(evalWorld, 107_244)).isGreaterThanOrEqualTo(RankerStepBudget.LARGE_MIN_STEPS);
        assertThat(RankerStepBudget.forRows(3, 10_000).learningRate()).isEqualTo(RankerStepBudget.SMALL_LEARNING_RATE);
    }

    @Test
    void forRows_rejectsNonsense() {
        assertThatThrownBy(() -> RankerStepBudget.forRows(0, 100)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> RankerStepBudget.forRows(1, -1)).hasMessageContaining("rows");
    }
}
