package dev.marquee.core;

import java.time.Duration;

/**
 * Executor settings with their defaults in one place.
 *
 * @param deadline           overall budget of one request; sources still running at their budget are dropped
 * @param sideEffectQueue    bounded queue of pending side effects; overflow is counted, never silent
 * @param sideEffectThreads  threads running side effects
 */
public record PipelineConfig(Duration deadline, int sideEffectQueue, int sideEffectThreads) {
    public static PipelineConfig defaults() {
        return new PipelineConfig(Duration.ofMillis(100), 10_000, 1);
    }
}
