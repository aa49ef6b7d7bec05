package dev.marquee.models.twotower;

import dev.marquee.models.TrainingConfig;
import java.util.Objects;

/** Everything needed to train (and later rebuild) a two-tower model; saved beside its weights. */
public record TwoTowerConfig(TwoTowerShape shape, TrainingConfig training) {

    public TwoTowerConfig {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(training, "training");
    }

    public static TwoTowerConfig defaults() {
        return new TwoTowerConfig(TwoTowerShape.defaults(), TrainingConfig.defaults());
    }
}
