package dev.marquee.training.ranker;

import dev.marquee.feed.ranking.RankerFeatureSchema;
import dev.marquee.feed.ranking.ScoreWeights;
import dev.marquee.models.ranker.RankerDataset;
import dev.marquee.models.ranker.RankerHeads;
import java.util.List;

/** Computes every model's {@link ModelMetrics} on the same holdout rows. */
final class HoldoutEvaluator {
    private final RankerDataset logged;
    private final float[] servingFeatures;
    private final int[] requests;
    private final double[] gains;
    private final ScoreWeights weights;

    HoldoutEvaluator(ExampleTable table, int from, int to, ScoreWeights weights) {
        this.logged = table.dataset(from, to);
        this.weights = weights;
        this.gains = new double[] {weights.click(), weights.watch(), weights.share()};
        int w = logged.schema().width();
        servingFeatures = logged.features().clone();
        for (int r = 0; r < logged.rows(); r++) {
            servingFeatures[r * w + RankerFeatureSchema.POSITION] = 0f;
        }
        requests = new int[logged.rows()];
        for (int r = 0; r < logged.rows(); r++) {
            requests[r] = table.request(from + r);
        }
    }

    int rows() {
        return logged.rows();
    }

    float[] predictions(ExampleScorer model) {
        float[] out = new float[logged.rows() * RankerHeads.COUNT];
        model.predict(logged.features(), logged.rows(), out);
        return out;
    }

    ModelMetrics evaluate(ExampleScorer model) {
        float[] p = predictions(model);
        int n = logged.rows();
        float[] serving = new float[n * RankerHeads.COUNT];
        model.predict(servingFeatures, n, serving);
        double[] scores = new double[n];
        for (int r = 0; r < n; r++) {
            int h = r * RankerHeads.COUNT;
            scores[r] = weights.score(serving[h], serving[h + 1], serving[h + 2]);
        }
        return new ModelMetrics(HeadMetrics.of(p, logged.labels(), n, RankerHeads.CLICK),
                HeadMetrics.of(p, logged.labels(), n, RankerHeads.WATCH_30S),
                HeadMetrics.of(p, logged.labels(), n, RankerHeads.SHARE),
                PageNdcg.mean(requests, logged.labels(), scores, n, gains, 10));
    }

    /** NDCG@10 of the order the pages were served in (position ascending). */
    double loggedOrderNdcg() {
        int w = logged.schema().width();
        double[] scores = new double[logged.rows()];
        for (int r = 0; r < scores.length; r++) {
            scores[r] = -logged.features()[r * w + RankerFeatureSchema.POSITION];
        }
        return PageNdcg.mean(requests, logged.labels(), scores, scores.length, gains, 10);
    }

    List<CalibrationBin> calibration(float[] predictions, int head) {
        return CalibrationBin.of(predictions, logged.labels(), logged.rows(), head, 10);
    }
}
