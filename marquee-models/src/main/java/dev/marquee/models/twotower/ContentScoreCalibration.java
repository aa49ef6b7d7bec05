package dev.marquee.models.twotower;

/**
 * Puts fresh uploads' content-only scores on the scale of trained videos' full-path scores. A video uploaded after
 * the training window is embedded by the item tower's content path (video id dropped); with logQ-corrected
 * in-batch softmax (Yi et al. RecSys 2019) a trained video's score carries its popularity prior, which a fresh
 * video cannot have, so in one pooled search fresh videos sink below old ones of the same appeal. Retrieval
 * therefore searches fresh videos as their own tier and merges the tiers on {@code scale × score + offset}
 * (a linear score calibration in the spirit of Platt scaling, Platt 1999). The training job fits the offset
 * ({@code dev.marquee.training.twotower.FreshTierFit}) and saves it in a {@link FreshTierPolicy}; {@link #fit} is the
 * least-squares variant, kept for diagnosis (on trained videos it gives scale ≈ 1, offset ≈ 0: the two paths agree
 * on the same videos).
 *
 * @param scale  slope applied to a content-only score
 * @param offset added after scaling
 */
public record ContentScoreCalibration(double scale, double offset) {
    public static final ContentScoreCalibration IDENTITY = new ContentScoreCalibration(1, 0);

    public ContentScoreCalibration {
        if (!Double.isFinite(scale) || !Double.isFinite(offset) || scale <= 0) {
            throw new IllegalArgumentException("calibration needs a positive finite scale and finite offset, got "
                    + scale + ", " + offset);
        }
    }

    /** The content-only score mapped onto the full path's scale (monotone, so a tier's order is unchanged). */
    public float apply(float contentScore) {
        return (float) (scale * contentScore + offset);
    }

    /**
     * Least-squares fit of {@code full[i] ≈ scale × content[i] + offset}; {@link #IDENTITY} when there are fewer
     * than two pairs, the content scores do not vary, or the fitted slope is not positive.
     */
    public static ContentScoreCalibration fit(float[] content, float[] full) {
        if (content.length != full.length) {
            throw new IllegalArgumentException(content.length + " content scores but " + full.length + " full scores");
        }
        int n = content.length;
        if (n < 2) {
            return IDENTITY;
        }
        double mc = 0, mf = 0;
        for (int i = 0; i < n; i++) {
            mc += content[i];
            mf += full[i];
        }
        mc /= n;
        mf /= n;
        double cov = 0, var = 0;
        for (int i = 0; i < n; i++) {
            cov += (content[i] - mc) * (full[i] - mf);
            var += (content[i] - mc) * (content[i] - mc);
        }
        if (var <= 1e-12 || cov <= 0) {
            return IDENTITY;
        }
        double scale = cov / var;
        return new ContentScoreCalibration(scale, mf - scale * mc);
    }
}
