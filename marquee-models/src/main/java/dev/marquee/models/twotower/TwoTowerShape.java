package dev.marquee.models.twotower;

import dev.marquee.models.IdBuckets;

/**
 * The architecture and vocabulary sizes of a two-tower model. Video and creator ids are hashed into
 * {@code videoBuckets}/{@code creatorBuckets} rows ({@link #videoIds()}, {@link #creatorIds()});
 * categories, age bands, countries and devices are dense ids below their cardinality. Item tower:
 * [video | creator | category | text] → hidden (ReLU) → output, L2-normalised; user tower:
 * [weighted mean of the history's video embeddings | age | country | device | hour and weekday as
 * sin/cos] → hidden (ReLU) → output, L2-normalised. During training the video (creator) embedding is
 * zeroed with probability {@code videoIdDropout} ({@code creatorIdDropout}) so the content-only path
 * learns to stand alone.
 */
public record TwoTowerShape(int textDim, int videoBuckets, int creatorBuckets, int categories, int ageBands,
                            int countries, int devices, int historyLength, int videoDim, int creatorDim,
                            int categoryDim, int contextDim, int hiddenDim, int outputDim, float temperature,
                            float videoIdDropout, float creatorIdDropout) {

    public TwoTowerShape {
        int[] positive = {textDim, videoBuckets, creatorBuckets, categories, ageBands, countries, devices,
                historyLength, videoDim, creatorDim, categoryDim, contextDim, hiddenDim, outputDim};
        for (int v : positive) {
            if (v < 1) {
                throw new IllegalArgumentException("two-tower sizes must all be >= 1: " + this);
            }
        }
        if (!(temperature > 0f)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        if (!(videoIdDropout >= 0f && videoIdDropout < 1f && creatorIdDropout >= 0f && creatorIdDropout < 1f)) {
            throw new IllegalArgumentException("id dropout must be in [0, 1), got " + videoIdDropout + ", " + creatorIdDropout);
        }
    }

    /** 384-d MiniLM text, 200k video / 50k creator buckets, 64 categories, history 50, 64-d output. */
    public static TwoTowerShape defaults() {
        return new TwoTowerShape(384, 200_000, 50_000, 64, 8, 64, 4, 50, 32, 16, 8, 8, 128, 64, 0.05f, 0.5f, 0.1f);
    }

    public IdBuckets videoIds() {
        return new IdBuckets(videoBuckets, 0x5EEDL);
    }

    public IdBuckets creatorIds() {
        return new IdBuckets(creatorBuckets, 0xC0FFEEL);
    }

    int itemInputDim() {
        return videoDim + creatorDim + categoryDim + textDim;
    }

    int userInputDim() {
        return videoDim + 3 * contextDim + TimeEncoding.WIDTH;
    }
}
