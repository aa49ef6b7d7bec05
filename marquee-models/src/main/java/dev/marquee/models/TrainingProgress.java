package dev.marquee.models;

/**
 * One progress report from a trainer. {@code validationLoss} is {@code NaN} on intermediate reports and
 * set on the report that closes an epoch ({@code epochEnd}); {@code best} says that epoch improved on
 * every earlier one (its weights are the ones kept).
 */
public record TrainingProgress(int epoch, long step, long examplesSeen, double trainLoss, double validationLoss,
                               double examplesPerSecond, boolean epochEnd, boolean best) {
}
