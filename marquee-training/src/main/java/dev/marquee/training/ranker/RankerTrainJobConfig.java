package dev.marquee.training.ranker;

import dev.marquee.feed.ranking.ScoreWeights;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.ranker.RankerConfig;
import dev.marquee.models.ranker.RankerShape;
import java.util.Objects;

/**
 * Settings of {@link RankerTrainJob}.
 *
 * @param mmoe             MMoE teacher candidate
 * @param sharedBottom     shared-bottom teacher candidate
 * @param student          the distilled student's config
 * @param hardLabelWeight  share of observed labels in the student's targets (rest: teacher probabilities)
 * @param maxTrainRows     training rows used at most (every k-th row when there are more): bounds the time
 * @param validationShare  latest share of the pre-holdout rows used for early stopping
 * @param holdoutMillis    the last this-many ms of impressions are the holdout
 * @param logisticEpochs   passes of the logistic-regression baseline
 * @param weights          serving score weights (NDCG ranks by them and grades gains with them)
 */
public record RankerTrainJobConfig(RankerConfig mmoe, RankerConfig sharedBottom, RankerConfig student,
                                   float hardLabelWeight, int maxTrainRows, double validationShare,
                                   long holdoutMillis, int logisticEpochs, ScoreWeights weights) {
    public RankerTrainJobConfig {
        Objects.requireNonNull(mmoe, "mmoe");
        Objects.requireNonNull(sharedBottom, "sharedBottom");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(weights, "weights");
        if (!(hardLabelWeight >= 0 && hardLabelWeight <= 1)) {
            throw new IllegalArgumentException("hardLabelWeight must be in [0, 1], got " + hardLabelWeight);
        }
        if (maxTrainRows < 100) {
            throw new IllegalArgumentException("maxTrainRows must be >= 100, got " + maxTrainRows);
        }
        if (!(validationShare > 0 && validationShare < 0.5)) {
            throw new IllegalArgumentException("validationShare must be in (0, 0.5), got " + validationShare);
        }
        if (holdoutMillis <= 0 || logisticEpochs < 1) {
            throw new IllegalArgumentException("holdoutMillis and logisticEpochs must be positive: " + this);
        }
    }

    /**
     * Adam {@link RankerStepBudget#LARGE_LEARNING_RATE}, batch 512, ≤ 12 epochs (patience 2), the embedding L2 of
     * {@link RankerConfig#defaults()}, 300k rows, last day held out, student on 30% hard labels. Callers replace
     * the training settings with {@link RankerStepBudget}'s for their row count.
     */
    public static RankerTrainJobConfig defaults() {
        TrainingConfig t = new TrainingConfig(RankerStepBudget.LARGE_LEARNING_RATE, 512, 12, 2, 42L, 1, 1);
        RankerConfig base = RankerConfig.defaults().withTraining(t);
        return new RankerTrainJobConfig(base.withShape(RankerShape.mmoe()), base.withShape(RankerShape.sharedBottom()),
                base.withShape(RankerShape.student()), 0.3f, 300_000, 0.1, 86_400_000L, 2, ScoreWeights.defaults());
    }

    public RankerTrainJobConfig withTraining(TrainingConfig t, int newMaxTrainRows) {
        return new RankerTrainJobConfig(mmoe.withTraining(t), sharedBottom.withTraining(t), student.withTraining(t),
                hardLabelWeight, newMaxTrainRows, validationShare, holdoutMillis, logisticEpochs, weights);
    }

    public RankerTrainJobConfig withShapes(RankerShape newMmoe, RankerShape newSharedBottom, RankerShape newStudent) {
        return new RankerTrainJobConfig(mmoe.withShape(newMmoe), sharedBottom.withShape(newSharedBottom),
                student.withShape(newStudent), hardLabelWeight, maxTrainRows, validationShare, holdoutMillis,
                logisticEpochs, weights);
    }
}
