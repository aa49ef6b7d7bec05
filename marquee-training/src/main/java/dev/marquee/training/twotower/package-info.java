/**
 * The two-tower batch loop: {@link dev.marquee.training.twotower.TwoTowerDatasetBuilder} replays the event log
 * through a fresh feature store and captures, at every positive (a click or a view over 30 s), the user-tower
 * inputs as of just before it (the same {@code UserTowerInputs} encoding serving uses) and the item-tower inputs
 * of the video; the log is split by event time into train, a validation slice for early stopping, and a held-out
 * last day that is never trained on. {@link dev.marquee.training.twotower.TwoTowerTrainJob} trains, measures
 * holdout Recall@K against a most-popular baseline and on never-trained uploads
 * ({@link dev.marquee.training.twotower.RetrievalEvaluation}), and registers the model with every item embedding
 * in the model registry, then lets the promotion gate decide.
 */
package dev.marquee.training.twotower;
