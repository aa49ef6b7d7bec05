package dev.marquee.server.experiment;

/**
 * One served impression of an experiment joined with what the user did with it.
 *
 * @param variant      {@code "experiment:variant"} as logged
 * @param propensity   the serving policy's probability of this item at this position (logged)
 * @param watchSeconds total watch time of views attributed to the impression
 */
public record ImpressionOutcome(String requestId, String userId, String videoId, int position, String variant,
                                double propensity, boolean click, boolean longView, boolean share,
                                double watchSeconds) {
}
