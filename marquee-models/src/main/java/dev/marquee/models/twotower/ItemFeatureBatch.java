package dev.marquee.models.twotower;

/**
 * Item-tower inputs for {@code size} videos: video and creator bucket ids
 * ({@link TwoTowerShape#videoIds()}, {@link TwoTowerShape#creatorIds()}), dense category ids, and the
 * {@code textDim}-wide title/tag vectors row-major in {@code text}. Arrays are not copied.
 */
public record ItemFeatureBatch(int size, int[] videos, int[] creators, int[] categories, int textDim, float[] text) {

    public ItemFeatureBatch {
        if (size < 1 || textDim < 1) {
            throw new IllegalArgumentException("size and textDim must be >= 1, got " + size + ", " + textDim);
        }
        FeatureChecks.length("videos", videos, size);
        FeatureChecks.length("creators", creators, size);
        FeatureChecks.length("categories", categories, size);
        FeatureChecks.length("text", text, size * textDim);
    }

    /** Throws if an id is outside the model's vocabulary, the text width differs, or text is not finite. */
    void validate(TwoTowerShape shape) {
        if (textDim != shape.textDim()) {
            throw new IllegalArgumentException("text vectors are " + textDim + "-d but the model expects " + shape.textDim());
        }
        FeatureChecks.range("videos", videos, shape.videoBuckets());
        FeatureChecks.range("creators", creators, shape.creatorBuckets());
        FeatureChecks.range("categories", categories, shape.categories());
        FeatureChecks.finite("text", text);
    }

    /** The items at {@code order[from..to)}, copied. */
    ItemFeatureBatch gather(int[] order, int from, int to) {
        int n = to - from;
        int[] v = new int[n], c = new int[n], k = new int[n];
        float[] t = new float[n * textDim];
        for (int i = 0; i < n; i++) {
            int src = order[from + i];
            v[i] = videos[src];
            c[i] = creators[src];
            k[i] = categories[src];
            System.arraycopy(text, src * textDim, t, i * textDim, textDim);
        }
        return new ItemFeatureBatch(n, v, c, k, textDim, t);
    }
}
