package dev.marquee.training.ranker;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.marquee.models.ranker.BinaryAuc;
import dev.marquee.models.ranker.RankerHeads;

/**
 * Quality of one head on one set: ROC AUC (NaN with one class only), mean log loss (predictions clamped to
 * [1e-7, 1 − 1e-7]), mean prediction and observed positive rate (their gap is the calibration-in-the-large).
 */
public record HeadMetrics(double auc, @JsonProperty("logloss") double logLoss, double predictedRate, double observedRate) {

    public static HeadMetrics of(float[] predictions, float[] labels, int rows, int head) {
        double loss = 0, predicted = 0, observed = 0;
        for (int r = 0; r < rows; r++) {
            double p = Math.clamp(predictions[r * RankerHeads.COUNT + head], 1e-7, 1 - 1e-7);
            double y = labels[r * RankerHeads.COUNT + head];
            loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
            predicted += p;
            observed += y;
        }
        return new HeadMetrics(BinaryAuc.of(predictions, labels, rows, RankerHeads.COUNT, head), loss / rows,
                predicted / rows, observed / rows);
    }
}
