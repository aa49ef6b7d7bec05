package dev.marquee.training.eval;

import dev.marquee.events.EventLog;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.ranker.RankerDataset;
import dev.marquee.models.ranker.RankerHeads;
import dev.marquee.training.ranker.BootstrapDataset;
import dev.marquee.training.ranker.CalibrationBin;
import dev.marquee.training.ranker.DatasetBuildConfig;
import dev.marquee.training.ranker.ExampleScorer;
import dev.marquee.training.ranker.ExampleTable;
import dev.marquee.training.ranker.ModelMetrics;
import dev.marquee.training.ranker.PointInTimeDatasetBuilder;
import dev.marquee.training.ranker.PopularityBaseline;
import dev.marquee.training.ranker.RankerStepBudget;
import dev.marquee.training.ranker.RankerTrainJob;
import dev.marquee.training.ranker.RankerTrainJobConfig;
import dev.marquee.training.ranker.RankerTrainResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the ranker on the impressions before the holdout start (point-in-time rows, {@link RankerTrainJob})
 * and scores the heads of the kept ranker, the logistic-regression baseline and the popularity-CTR baseline
 * on the holdout's logged impressions. The result keeps the ranker open for the full-pipeline evaluation.
 */
final class HeadsStage {
    private final EvalConfig config;

    HeadsStage(EvalConfig config) {
        this.config = config;
    }

    /** The trained models (caller closes) and their heads table, holdout = [cutoff, cutoff + holdout). */
    Result run(EventLog log, long cutoffMillis, EvalProgress progress) {
        progress.phase("ranker dataset", 0, 1);
        BootstrapDataset ds = new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults()
                .withSampleRate(config.rankerSample())).build(log);
        progress.phase("ranker dataset", 1, 1);
        ExampleTable table = ds.table();
        RankerTrainJobConfig d = RankerTrainJobConfig.defaults();
        RankerTrainJobConfig job = new RankerTrainJobConfig(d.mmoe(), d.sharedBottom(), d.student(), d.hardLabelWeight(),
                d.maxTrainRows(), d.validationShare(), config.holdoutMillis(), d.logisticEpochs(), d.weights())
                .withTraining(trainingFor(table.rowsBefore(cutoffMillis)), config.maxRankerRows());
        long[] epochs = {0};
        RankerTrainResult trained = new RankerTrainJob(job, p -> {
            if (p.epochEnd()) {
                progress.phase("ranker epochs", ++epochs[0], 0);
            }
        }).run(table, cutoffMillis + config.holdoutMillis());
        int from = table.rowsBefore(cutoffMillis);
        RankerDataset holdout = table.dataset(from, table.rows());
        Map<String, Map<String, List<CalibrationBin>>> calibration = new LinkedHashMap<>();
        calibration.put("ranker", calibration(trained.ranker()::predict, holdout));
        calibration.put("logistic", calibration(trained.logistic(), holdout));
        calibration.put("popularity", calibration(new PopularityBaseline(table.schema()), holdout));
        Map<String, ModelMetrics> models = new LinkedHashMap<>(trained.evaluation().heads());
        HeadsEvaluation heads = new HeadsEvaluation(trained.evaluation().chosen(), trained.evaluation().trainRows(),
                holdout.rows(), models, calibration);
        return new Result(trained, heads);
    }

    /**
     * The same step rule as {@code marquee train} and {@code marquee simulate} ({@link RankerStepBudget}) over the
     * pre-holdout rows the job will train on: a fixed batch 512 and {@code --epochs} gave small worlds too few
     * Adam steps, so eval measured an under-trained ranker that serving would not have.
     */
    TrainingConfig trainingFor(int preHoldoutRows) {
        return RankerStepBudget.forRows(config.epochs(), Math.min(preHoldoutRows, config.maxRankerRows()), config.seed());
    }

    private static Map<String, List<CalibrationBin>> calibration(ExampleScorer model, RankerDataset rows) {
        float[] p = new float[rows.rows() * RankerHeads.COUNT];
        model.predict(rows.features(), rows.rows(), p);
        Map<String, List<CalibrationBin>> out = new LinkedHashMap<>();
        out.put("click", CalibrationBin.of(p, rows.labels(), rows.rows(), RankerHeads.CLICK, 10));
        out.put("watch30", CalibrationBin.of(p, rows.labels(), rows.rows(), RankerHeads.WATCH_30S, 10));
        out.put("share", CalibrationBin.of(p, rows.labels(), rows.rows(), RankerHeads.SHARE, 10));
        return out;
    }

    /** The trained models (owning the ranker and student) and the heads table. */
    record Result(RankerTrainResult models, HeadsEvaluation heads) implements AutoCloseable {
        @Override
        public void close() {
            models.close();
        }
    }
}
