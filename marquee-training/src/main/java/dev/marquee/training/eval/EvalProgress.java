package dev.marquee.training.eval;

/** Progress of an {@link EvalJob}: phases with counts (for stderr), never on the result's stream. */
@FunctionalInterface
public interface EvalProgress {
    EvalProgress NONE = (phase, done, total) -> {
    };

    /** {@code done} of {@code total} units of {@code phase} finished ({@code total} 0 when unknown). */
    void phase(String phase, long done, long total);
}
