package dev.marquee.training.ranker;

import dev.marquee.models.TrainingConfig;

/**
 * The ranker's optimiser settings for a dataset of {@code rows} rows, patience 2 throughout (early stopping on the
 * temporal validation slice picks the epoch). Two regimes:
 * <ul>
 *   <li><b>large</b> sets (batch 512, i.e. ≥ {@value #MIN_STEPS_PER_EPOCH} × 512 rows): Adam
 *       {@value #LARGE_LEARNING_RATE} and enough epochs for at least {@value #LARGE_MIN_STEPS} steps (at most
 *       {@value #LARGE_MAX_EPOCHS}). Measured on the 10k-video evaluation world (107k training rows,
 *       {@code RankerHeadsMeasurement}): at the former 2e-3 the validation loss was lowest after the first epoch and
 *       rose after it; at 5e-4 with the embedding L2 of {@code RankerConfig.defaults()} it keeps falling for ≈ 9
 *       epochs (≈ 1,900 steps) and every head's holdout AUC rose (click 0.703 → 0.716, watch30 0.773 → 0.791,
 *       share 0.786 → 0.814);</li>
 *   <li><b>small</b> sets (batch 64 … 511): Adam {@value #SMALL_LEARNING_RATE}, at least {@value #MIN_STEPS} steps
 *       (at most {@value #MAX_EPOCHS} epochs), as before. Four epochs of batch 512 over 3k rows are ~24 steps: the
 *       net stays near its random initialisation and ranks worse than chance (holdout AUC 0.34 for p(watch)
 *       measured in simulation), so small worlds need smaller batches and more epochs. The large regime's 5e-4
 *       left the serve-time retrain on 5k rows below chance on watch30 (0.48, not promoted; HotSwapUnderLoadTest).</li>
 * </ul>
 * One rule for every ranker training: {@code marquee train}, the serve-time retrain, {@code marquee simulate} and
 * {@code marquee eval}.
 */
public final class RankerStepBudget {
    public static final int MIN_STEPS = 300;
    public static final int MAX_EPOCHS = 12;
    public static final float SMALL_LEARNING_RATE = 2e-3f;
    public static final int LARGE_MIN_STEPS = 2_400;
    public static final int LARGE_MAX_EPOCHS = 60;
    public static final float LARGE_LEARNING_RATE = 5e-4f;
    public static final int MIN_STEPS_PER_EPOCH = 100;
    public static final int MIN_BATCH = 64;
    public static final int MAX_BATCH = 512;
    static final long DEFAULT_SEED = 42L;

    private RankerStepBudget() {
    }

    /** Settings for {@code rows} training rows and at least {@code budgetEpochs} epochs, seed 42. */
    public static TrainingConfig forRows(int budgetEpochs, int rows) {
        return forRows(budgetEpochs, rows, DEFAULT_SEED);
    }

    /**
     * Settings for {@code rows} training rows and at least {@code budgetEpochs} epochs.
     *
     * @throws IllegalArgumentException when {@code budgetEpochs} is below 1 or {@code rows} is negative
     */
    public static TrainingConfig forRows(int budgetEpochs, int rows, long seed) {
        if (budgetEpochs < 1 || rows < 0) {
            throw new IllegalArgumentException("step budget needs epochs >= 1 and rows >= 0, got " + budgetEpochs
                    + ", " + rows);
        }
        int batch = Math.clamp(rows / MIN_STEPS_PER_EPOCH, MIN_BATCH, MAX_BATCH);
        int stepsPerEpoch = Math.max(1, Math.ceilDiv(rows, batch));
        boolean large = batch == MAX_BATCH;
        int epochs = Math.min(large ? LARGE_MAX_EPOCHS : MAX_EPOCHS,
                Math.max(budgetEpochs, Math.ceilDiv(large ? LARGE_MIN_STEPS : MIN_STEPS, stepsPerEpoch)));
        return new TrainingConfig(large ? LARGE_LEARNING_RATE : SMALL_LEARNING_RATE, batch, epochs, 2, seed, 1, 1);
    }
}
