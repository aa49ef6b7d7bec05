package dev.marquee.models;

/** Receives training progress (for a progress bar or a log line); called on the training thread. */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(TrainingProgress progress);

    /** A listener that ignores every report. */
    static ProgressListener none() {
        return progress -> { };
    }
}
