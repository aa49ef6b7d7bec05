package dev.marquee.server.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.models.TrainingConfig;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {
    @Test
    void rankerTraining_smallSet_runsAtLeastTheMinimumAdamSteps() {
        // the bug: 2 epochs of batch 512 over the 2.8k training rows of a small world = 12 steps, AUC below chance
        TrainingConfig t = ModelTrainer.rankerTraining(2, 7_000);
        long steps = (long) t.maxEpochs() * Math.ceilDiv(7_000, t.batchSize());
        assertThat(t.batchSize()).isLessThan(512);
        assertThat(steps).isGreaterThanOrEqualTo(ModelTrainer.MIN_RANKER_STEPS);
        assertThat(t.patience()).isGreaterThan(1);
    }

    @Test
    void rankerTraining_largeSet_keepsTheBudgetsEpochsAndBatch512() {
        TrainingConfig t = ModelTrainer.rankerTraining(2, 1_000_000);
        assertThat(t.batchSize()).isEqualTo(512);
        assertThat(t.maxEpochs()).isEqualTo(2);
    }

    @Test
    void rankerTraining_tinySet_isBoundedByTheEpochCap() {
        TrainingConfig t = ModelTrainer.rankerTraining(2, 200);
        assertThat(t.batchSize()).isEqualTo(ModelTrainer.MIN_BATCH);
        assertThat(t.maxEpochs()).isEqualTo(ModelTrainer.MAX_RANKER_EPOCHS);
    }

    @Test
    void sampleRate_smallLog_takesEveryRequest_largeLogKeepsTheBudget() {
        assertThat(ModelTrainer.sampleRate(0.3, 100_000, 29_840)).isEqualTo(1.0);
        assertThat(ModelTrainer.sampleRate(0.3, 100_000, 5_000_000)).isEqualTo(0.3);
        assertThat(ModelTrainer.sampleRate(0.3, 100_000, 300_000)).isBetween(0.3, 1.0);
        assertThat(ModelTrainer.sampleRate(0.3, 100_000, 0)).isEqualTo(1.0);
    }
}
