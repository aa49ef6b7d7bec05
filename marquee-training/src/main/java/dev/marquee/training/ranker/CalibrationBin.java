package dev.marquee.training.ranker;

import dev.marquee.models.ranker.RankerHeads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One bin of a reliability diagram: rows grouped by predicted probability into equal-count bins (deciles),
 * mean prediction vs observed positive rate. A calibrated head has the two equal in every bin.
 */
public record CalibrationBin(double meanPredicted, double observedRate, int count) {

    /** Equal-count bins of head {@code head}, lowest predictions first. */
    public static List<CalibrationBin> of(float[] predictions, float[] labels, int rows, int head, int bins) {
        long[] keyed = new long[rows];
        for (int r = 0; r < rows; r++) {
            // sort rows by prediction: the float's bits are monotone for non-negative values
            keyed[r] = ((long) Float.floatToIntBits(predictions[r * RankerHeads.COUNT + head]) << 32) | r;
        }
        Arrays.sort(keyed);
        List<CalibrationBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) rows * b / bins), to = (int) ((long) rows * (b + 1) / bins);
            double p = 0, y = 0;
            for (int i = from; i < to; i++) {
                int r = (int) keyed[i];
                p += predictions[r * RankerHeads.COUNT + head];
                y += labels[r * RankerHeads.COUNT + head];
            }
            int n = to - from;
            out.add(new CalibrationBin(n == 0 ? Double.NaN : p / n, n == 0 ? Double.NaN : y / n, n));
        }
        return out;
    }
}
