package dev.marquee.models.ranker;

import dev.marquee.models.TrainingConfig;
import java.util.Objects;

/**
 * Ranker architecture, the loss weight of each head (share is rare, so it is usually weighted up) and
 * the optimisation settings. Saved beside the weights.
 */
public record RankerConfig(RankerShape shape, float clickLossWeight, float watchLossWeight, float shareLossWeight,
                           TrainingConfig training, RankerRegularization regularization) {

    public static final float DEFAULT_EMBEDDING_L2 = 30f;

    public RankerConfig {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(training, "training");
        if (regularization == null) {
            // specs saved before regularisation existed have no such field: those models trained without it
            regularization = RankerRegularization.none();
        }
        for (float w : new float[] {clickLossWeight, watchLossWeight, shareLossWeight}) {
            if (!(w >= 0f) || Float.isInfinite(w)) {
                throw new IllegalArgumentException("loss weights must be finite and >= 0: " + this);
            }
        }
    }

    /** Without regularisation. */
    public RankerConfig(RankerShape shape, float clickLossWeight, float watchLossWeight, float shareLossWeight,
                        TrainingConfig training) {
        this(shape, clickLossWeight, watchLossWeight, shareLossWeight, training, RankerRegularization.none());
    }

    /**
     * MMoE with loss weights 1, 1, 3, default training and an embedding L2 of {@value #DEFAULT_EMBEDDING_L2} on
     * the hashed creator / video ids (no id dropout). Without it those embeddings memorised the training days and
     * the networks lost to a logistic regression on the same rows; the L2 sweep on the 10k-video evaluation world
     * (λ = 0.001 … 30, shared bottom, same budget): ≤ 0.1 changed nothing, 10 matched dropping both id columns
     * (click 0.703 → 0.707, share 0.786 → 0.801 holdout AUC), 30 with Adam 5e-4 was best (see
     * {@code RankerStepBudget}). Id dropout 0.8 helped click and watch30 as much but not share.
     */
    public static RankerConfig defaults() {
        return new RankerConfig(RankerShape.mmoe(), 1f, 1f, 3f, TrainingConfig.defaults(),
                new RankerRegularization(0f, DEFAULT_EMBEDDING_L2));
    }

    public RankerConfig withShape(RankerShape newShape) {
        return new RankerConfig(newShape, clickLossWeight, watchLossWeight, shareLossWeight, training, regularization);
    }

    public RankerConfig withTraining(TrainingConfig newTraining) {
        return new RankerConfig(shape, clickLossWeight, watchLossWeight, shareLossWeight, newTraining, regularization);
    }

    public RankerConfig withRegularization(RankerRegularization newRegularization) {
        return new RankerConfig(shape, clickLossWeight, watchLossWeight, shareLossWeight, training, newRegularization);
    }

    float[] lossWeights() {
        return new float[] {clickLossWeight, watchLossWeight, shareLossWeight};
    }
}
