package dev.marquee.training.twotower;

import dev.marquee.models.twotower.ContentScoreCalibration;
import dev.marquee.models.twotower.TwoTowerExamples;
import dev.marquee.models.twotower.TwoTowerModel;

/**
 * Fits the {@link ContentScoreCalibration} of a trained model on the validation slice: for every (user, positive)
 * pair whose video was a training target (so its full embedding is trained), the user·item score of the full
 * path against that of the content-only path. Validation examples never trained the weights, so the fit is not
 * biased towards memorised pairs.
 */
final class CalibrationFit {
    private CalibrationFit() {
    }

    /** Paired scores, {@code [0]} content-only and {@code [1]} full, over the validation pairs of trained videos. */
    static float[][] pairedScores(TwoTowerModel model, TwoTowerDatasets data) {
        TwoTowerExamples v = data.validation();
        int[] videos = data.validationOrigins().videos();
        int n = v.size(), d = model.dimension();
        float[] users = model.embedUsers(v.users());
        float[] full = model.embedItems(v.items());
        float[] content = model.embedItemsContentOnly(v.items());
        float[] c = new float[n], f = new float[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (data.roster().trainPositives(videos[i]) == 0) {
                continue;
            }
            double sc = 0, sf = 0;
            for (int k = 0; k < d; k++) {
                sc += users[i * d + k] * content[i * d + k];
                sf += users[i * d + k] * full[i * d + k];
            }
            c[m] = (float) sc;
            f[m++] = (float) sf;
        }
        return new float[][] {java.util.Arrays.copyOf(c, m), java.util.Arrays.copyOf(f, m)};
    }

    static ContentScoreCalibration fit(TwoTowerModel model, TwoTowerDatasets data) {
        float[][] s = pairedScores(model, data);
        return ContentScoreCalibration.fit(s[0], s[1]);
    }
}
