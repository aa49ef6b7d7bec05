package dev.marquee.server;

import dev.marquee.models.TrainingConfig;

/**
 * The ranker's optimiser settings for a dataset of {@code rows} rows. The rule lives in
 * {@link dev.marquee.training.ranker.RankerStepBudget} so that {@code marquee eval} (marquee-training) trains
 * with it too; this name stays for `marquee train`, the serve-time retrain and `marquee simulate`.
 */
public final class RankerStepBudget {
    public static final int MIN_STEPS = dev.marquee.training.ranker.RankerStepBudget.MIN_STEPS;
    public static final int MAX_EPOCHS = dev.marquee.training.ranker.RankerStepBudget.MAX_EPOCHS;
    public static final int MIN_STEPS_PER_EPOCH = dev.marquee.training.ranker.RankerStepBudget.MIN_STEPS_PER_EPOCH;
    public static final int MIN_BATCH = dev.marquee.training.ranker.RankerStepBudget.MIN_BATCH;
    public static final int MAX_BATCH = dev.marquee.training.ranker.RankerStepBudget.MAX_BATCH;

    private RankerStepBudget() {
    }

    public static TrainingConfig forRows(int budgetEpochs, int rows) {
        return dev.marquee.training.ranker.RankerStepBudget.forRows(budgetEpochs, rows);
    }
}
