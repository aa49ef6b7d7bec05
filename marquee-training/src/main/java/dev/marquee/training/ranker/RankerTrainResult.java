package dev.marquee.training.ranker;

import dev.marquee.models.ranker.RankerModel;

/**
 * The job's models and their evaluation. Owns the two rankers: close it (or hand the models on and close
 * them yourself).
 *
 * @param ranker     the better of MMoE and shared-bottom on holdout mean AUC
 * @param student    the distilled student
 * @param logistic   the logistic-regression baseline
 * @param evaluation the table
 */
public record RankerTrainResult(RankerModel ranker, RankerModel student, LogisticRegressionBaseline logistic,
                                RankerEvaluation evaluation) implements AutoCloseable {
    @Override
    public void close() {
        ranker.close();
        student.close();
    }
}
