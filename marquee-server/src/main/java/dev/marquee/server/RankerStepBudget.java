package dev.marquee.server;

import dev.marquee.models.TrainingConfig;

/**
 * The ranker's optimiser settings for a dataset of {@code rows} rows: batch 512 on large sets, smaller batches
 * below, and enough epochs for at least {@value #MIN_STEPS} Adam steps (at most {@value #MAX_EPOCHS} epochs),
 * patience 2. Four epochs of batch 512 over 3k rows are ~24 steps: the net stays near its random initialisation
 * and ranks worse than chance (holdout AUC 0.34 for p(watch) measured in simulation), so small worlds need
 * smaller batches and more epochs. Shared by `marquee train`, the serve-time retrain and `marquee simulate`.
 */
public final class RankerStepBudget {
    public static final int MIN_STEPS = 300;
    public static final int MAX_EPOCHS = 12;
    public static final int MIN_STEPS_PER_EPOCH = 100;
    public static final int MIN_BATCH = 64;
    public static final int MAX_BATCH = 512;

    private RankerStepBudget() {
    }

    public static TrainingConfig forRows(int budgetEpochs, int rows) {
        int batch = Math.clamp(rows / MIN_STEPS_PER_EPOCH, MIN_BATCH, MAX_BATCH);
        int stepsPerEpoch = Math.max(1, Math.ceilDiv(rows, batch));
        int epochs = Math.min(MAX_EPOCHS, Math.max(budgetEpochs, Math.ceilDiv(MIN_STEPS, stepsPerEpoch)));
        return new TrainingConfig(2e-3f, batch, epochs, 2, 42L, 1, 1);
    }
}
