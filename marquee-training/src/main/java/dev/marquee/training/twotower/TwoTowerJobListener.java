package dev.marquee.training.twotower;

import dev.marquee.models.TrainingProgress;

/**
 * Progress of a two-tower job for a progress bar or log lines; called on the job's thread. Both methods
 * default to doing nothing so a caller implements what it draws.
 */
public interface TwoTowerJobListener {
    TwoTowerJobListener NONE = new TwoTowerJobListener() {
    };

    /** Work of phase {@code name} done so far, out of {@code total} (0 when unknown). */
    default void phase(String name, long done, long total) {
    }

    /** A training report: examples/s, train loss, and validation loss at epoch ends. */
    default void training(TrainingProgress progress) {
    }
}
