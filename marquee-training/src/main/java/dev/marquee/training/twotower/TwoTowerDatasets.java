package dev.marquee.training.twotower;

import dev.marquee.features.FeatureStore;
import dev.marquee.models.twotower.ItemFeatureBatch;
import dev.marquee.models.twotower.TwoTowerExamples;
import java.time.Duration;

/**
 * The output of {@link TwoTowerDatasetBuilder}: train and validation examples (with their origins), every
 * video of the log with its item-tower inputs ({@code catalogue}, row = roster id), the holdout's ground
 * truth, and the replay feature store frozen at the holdout start (for evaluation's user features).
 *
 * @param trainEndMillis      examples before this time train; from it to {@code cutoffMillis} validate
 * @param cutoffMillis        holdout start
 * @param holdoutEndMillis    holdout end (exclusive)
 * @param trainedOffsetEnd    one past the last log offset applied before the holdout (training data range end)
 * @param skippedInteractions positives on videos that were never upserted (no item inputs, not used) and
 *                            malformed records the store refused
 * @param replayTime          time spent replaying the log and capturing examples
 * @param textTime            time spent filling text vectors (encoding, or reading the text store)
 */
public record TwoTowerDatasets(TwoTowerExamples train, ExampleOrigins trainOrigins, TwoTowerExamples validation,
                               ExampleOrigins validationOrigins, VideoRoster roster, ItemFeatureBatch catalogue,
                               HoldoutTruth holdout, FeatureStore store, long trainEndMillis, long cutoffMillis,
                               long holdoutEndMillis, long trainedOffsetEnd, long skippedInteractions,
                               Duration replayTime, Duration textTime) {
}
