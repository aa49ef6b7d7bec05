package dev.marquee.training.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.models.TrainingConfig;
import dev.marquee.training.ranker.RankerStepBudget;
import org.junit.jupiter.api.Test;

class HeadsStageTest {

    @Test
    void trainingFor_usesTheSharedStepBudgetNotAFixedBatch512() {
        // 3 epochs of batch 512 over 8k pre-holdout rows were 48 Adam steps: eval measured an under-trained ranker
        EvalConfig config = new EvalConfig(1, 3, 150_000, 0.3, 100, 20, 7L);
        TrainingConfig t = new HeadsStage(config).trainingFor(8_000);
        assertThat(t).isEqualTo(RankerStepBudget.forRows(3, 8_000, 7L));
        assertThat((long) Math.ceilDiv(8_000, t.batchSize()) * t.maxEpochs())
                .isGreaterThanOrEqualTo(RankerStepBudget.MIN_STEPS);
    }

    @Test
    void trainingFor_capsTheRowsAtMaxRankerRows() {
        EvalConfig config = new EvalConfig(1, 4, 20_000, 0.3, 100, 20, 7L);
        assertThat(new HeadsStage(config).trainingFor(500_000)).isEqualTo(RankerStepBudget.forRows(4, 20_000, 7L));
    }
}
