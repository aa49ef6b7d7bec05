/**
 * Online experiments: named experiments with variants declared in {@code DATA/experiments.json}
 * ({@link dev.marquee.server.experiment.ExperimentConfigFile}), a stable hash of (experiment, user) choosing each
 * user's variant ({@link dev.marquee.server.experiment.VariantAssigner}), the serving-side
 * {@link dev.marquee.server.experiment.ExperimentRouter} that applies a variant's overrides and tags every served
 * impression with {@code "experiment:variant"}, team-draft interleaving, and the analysis behind
 * {@code marquee experiment report}: per-variant rates with Wilson intervals, per-user watch time, interleaving
 * preference with a sign test, and off-policy IPS / SNIPS estimates from logged propensities.
 */
package dev.marquee.server.experiment;
