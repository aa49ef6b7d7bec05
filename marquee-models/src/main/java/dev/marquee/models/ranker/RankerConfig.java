package dev.marquee.models.ranker;

import dev.marquee.models.TrainingConfig;
import java.util.Objects;

/**
 * Ranker architecture, the loss weight of each head (share is rare, so it is usually weighted up) and
 * the optimisation settings. Saved beside the weights.
 */
public record RankerConfig(RankerShape shape, float clickLossWeight, float watchLossWeight, float shareLossWeight,
                           TrainingConfig training) {

    public RankerConfig {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(training, "training");
        for (float w : new float[] {clickLossWeight, watchLossWeight, shareLossWeight}) {
            if (!(w >= 0f) || Float.isInfinite(w)) {
                throw new IllegalArgumentException("loss weights must be finite and >= 0: " + this);
            }
        }
    }

    /** MMoE with loss weights 1, 1, 3 and default training. */
    public static RankerConfig defaults() {
        return new RankerConfig(RankerShape.mmoe(), 1f, 1f, 3f, TrainingConfig.defaults());
    }

    public RankerConfig withShape(RankerShape newShape) {
        return new RankerConfig(newShape, clickLossWeight, watchLossWeight, shareLossWeight, training);
    }

    public RankerConfig withTraining(TrainingConfig newTraining) {
        return new RankerConfig(shape, clickLossWeight, watchLossWeight, shareLossWeight, newTraining);
    }

    float[] lossWeights() {
        return new float[] {clickLossWeight, watchLossWeight, shareLossWeight};
    }
}
