package dev.marquee.training.ranker;

import dev.marquee.models.ranker.FeatureSchema;
import dev.marquee.models.ranker.RankerHeads;

/**
 * The popularity-CTR baseline: predicts each head by the video's own smoothed rate at impression time
 * (Beta-smoothed CTR, long-view rate and share rate: the row's item columns), the same for every user.
 */
public final class PopularityBaseline implements ExampleScorer {
    private final int width, ctr, longViewRate, shareRate;

    public PopularityBaseline(FeatureSchema schema) {
        this.width = schema.width();
        this.ctr = schema.column("item_ctr");
        this.longViewRate = schema.column("item_long_view_rate");
        this.shareRate = schema.column("item_share_rate");
    }

    @Override
    public void predict(float[] features, int rows, float[] out) {
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            out[r * RankerHeads.COUNT + RankerHeads.CLICK] = features[o + ctr];
            out[r * RankerHeads.COUNT + RankerHeads.WATCH_30S] = features[o + longViewRate];
            out[r * RankerHeads.COUNT + RankerHeads.SHARE] = features[o + shareRate];
        }
    }
}
