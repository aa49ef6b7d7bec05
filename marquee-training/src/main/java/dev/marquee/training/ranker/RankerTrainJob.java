package dev.marquee.training.ranker;

import dev.marquee.models.ProgressListener;
import dev.marquee.models.ranker.RankerDataset;
import dev.marquee.models.ranker.RankerDistiller;
import dev.marquee.models.ranker.RankerHeads;
import dev.marquee.models.ranker.RankerModel;
import dev.marquee.models.ranker.RankerTrainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the ranker on a temporal split: rows before {@code end − holdout} train (the latest
 * {@code validationShare} of them early-stop), the rest is the holdout. MMoE and shared-bottom are both
 * trained and the one with the better mean holdout AUC is kept; a student is distilled from it (Hinton et
 * al. 2015); a logistic regression and the popularity rates are evaluated beside them on the same rows.
 */
public final class RankerTrainJob {
    private final RankerTrainJobConfig config;
    private final ProgressListener listener;

    public RankerTrainJob(RankerTrainJobConfig config, ProgressListener listener) {
        this.config = config;
        this.listener = listener;
    }

    /** Runs the job on {@code table} whose last impression is at {@code endMillis}. */
    public RankerTrainResult run(ExampleTable table, long endMillis) {
        Split split = split(table, endMillis);
        long holdoutStart = split.holdoutStart();
        int stride = split.stride();
        RankerDataset train = split.train();
        RankerDataset validation = split.validation();
        HoldoutEvaluator holdout = split.holdout();

        RankerModel mmoe = RankerTrainer.train(train, validation, config.mmoe(), listener);
        RankerModel sharedBottom = RankerTrainer.train(train, validation, config.sharedBottom(), listener);
        ModelMetrics mmoeMetrics = holdout.evaluate(mmoe::predict);
        ModelMetrics sharedMetrics = holdout.evaluate(sharedBottom::predict);
        boolean keepMmoe = mmoeMetrics.meanAuc() >= sharedMetrics.meanAuc();
        RankerModel ranker = keepMmoe ? mmoe : sharedBottom;
        (keepMmoe ? sharedBottom : mmoe).close();
        RankerModel student = RankerDistiller.distill(ranker, train, validation, config.student(),
                config.hardLabelWeight(), listener);
        LogisticRegressionBaseline logistic = LogisticRegressionBaseline.train(train, config.logisticEpochs(), 0.05, 7L);

        Map<String, ModelMetrics> heads = new LinkedHashMap<>();
        heads.put("ranker", keepMmoe ? mmoeMetrics : sharedMetrics);
        heads.put("ranker-mmoe", mmoeMetrics);
        heads.put("ranker-shared-bottom", sharedMetrics);
        heads.put("ranker-student", holdout.evaluate(student::predict));
        heads.put("logistic", holdout.evaluate(logistic));
        heads.put("popularity", holdout.evaluate(new PopularityBaseline(table.schema())));
        Map<String, List<CalibrationBin>> calibration = calibration(holdout, ranker);
        Map<String, Latency> latency = new LinkedHashMap<>();
        latency.put("ranker", latency(ranker, train));
        latency.put("ranker-student", latency(student, train));
        RankerEvaluation evaluation = new RankerEvaluation(train.rows(), validation.rows(), holdout.rows(), holdoutStart,
                keepMmoe ? "mmoe" : "shared-bottom", heads, Map.of("logged-order", holdout.loggedOrderNdcg()),
                calibration, latency, List.of(
                        "AUC/log loss on logged impressions (logged position as a feature); NDCG@10 re-ranks each "
                                + "logged page with position 0, gain = w_click*click + w_watch*watch30 + w_share*share",
                        "no two-tower model in this job: NDCG@10 is compared with popularity and the logged order",
                        stride > 1 ? "training used every " + stride + "-th pre-holdout row" : "training used every row"));
        return new RankerTrainResult(ranker, student, logistic, evaluation);
    }

    /**
     * {@code marquee train --model ranker-student}: distils a new student from an already trained {@code teacher}
     * (the promoted ranker) on the same temporal split as {@link #run}, without retraining the teacher; the
     * evaluation puts the teacher, the student and the baselines side by side with both models' latency.
     * The result owns {@code teacher} (closing it closes the teacher).
     *
     * @throws IllegalArgumentException when the teacher was trained on another feature layout than {@code table}
     */
    public RankerTrainResult distil(ExampleTable table, long endMillis, RankerModel teacher) {
        if (!teacher.schema().equals(table.schema())) {
            throw new IllegalArgumentException("the teacher's feature layout differs from the dataset's: retrain the "
                    + "ranker (marquee train --model ranker) before distilling a student");
        }
        Split split = split(table, endMillis);
        RankerModel student = RankerDistiller.distill(teacher, split.train(), split.validation(), config.student(),
                config.hardLabelWeight(), listener);
        LogisticRegressionBaseline logistic = LogisticRegressionBaseline.train(split.train(), config.logisticEpochs(),
                0.05, 7L);
        HoldoutEvaluator holdout = split.holdout();
        Map<String, ModelMetrics> heads = new LinkedHashMap<>();
        heads.put("ranker", holdout.evaluate(teacher::predict));
        heads.put("ranker-student", holdout.evaluate(student::predict));
        heads.put("logistic", holdout.evaluate(logistic));
        heads.put("popularity", holdout.evaluate(new PopularityBaseline(table.schema())));
        Map<String, List<CalibrationBin>> calibration = calibration(holdout, student);
        Map<String, Latency> latency = new LinkedHashMap<>();
        latency.put("ranker", latency(teacher, split.train()));
        latency.put("ranker-student", latency(student, split.train()));
        RankerEvaluation evaluation = new RankerEvaluation(split.train().rows(), split.validation().rows(),
                holdout.rows(), split.holdoutStart(), "promoted teacher (not retrained)", heads,
                Map.of("logged-order", holdout.loggedOrderNdcg()), calibration, latency, List.of(
                        "student distilled from the given teacher (not retrained); calibration is the student's",
                        split.stride() > 1 ? "training used every " + split.stride() + "-th pre-holdout row"
                                : "training used every row"));
        return new RankerTrainResult(teacher, student, logistic, evaluation);
    }

    /** The temporal split both {@link #run} and {@link #distil} use. */
    private Split split(ExampleTable table, long endMillis) {
        long holdoutStart = endMillis - config.holdoutMillis();
        int trainEnd = table.rowsBefore(holdoutStart);
        int validationStart = (int) (trainEnd * (1 - config.validationShare()));
        if (validationStart < 2 || trainEnd - validationStart < 2 || table.rows() - trainEnd < 2) {
            throw new IllegalArgumentException("too few rows for a temporal split: " + validationStart + " train, "
                    + (trainEnd - validationStart) + " validation, " + (table.rows() - trainEnd) + " holdout");
        }
        int stride = Math.max(1, (validationStart + config.maxTrainRows() - 1) / config.maxTrainRows());
        return new Split(holdoutStart, stride, table.sample(0, validationStart, stride),
                table.sample(validationStart, trainEnd, stride),
                new HoldoutEvaluator(table, trainEnd, table.rows(), config.weights()));
    }

    private record Split(long holdoutStart, int stride, RankerDataset train, RankerDataset validation,
                         HoldoutEvaluator holdout) {
    }

    /** Predicted vs observed rate per decile of each head, on the holdout. */
    private static Map<String, List<CalibrationBin>> calibration(HoldoutEvaluator holdout, RankerModel model) {
        float[] p = holdout.predictions(model::predict);
        Map<String, List<CalibrationBin>> calibration = new LinkedHashMap<>();
        calibration.put("click", holdout.calibration(p, RankerHeads.CLICK));
        calibration.put("watch30", holdout.calibration(p, RankerHeads.WATCH_30S));
        calibration.put("share", holdout.calibration(p, RankerHeads.SHARE));
        return calibration;
    }

    private static Latency latency(RankerModel model, RankerDataset rows) {
        int n = Math.min(1000, rows.rows());
        float[] out = new float[n * RankerHeads.COUNT];
        return Latency.measure(n, 30, 100, () -> model.predict(rows.features(), n, out));
    }
}
