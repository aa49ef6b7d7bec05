package dev.marquee.training.ranker;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One model's holdout figures: per-head AUC / log loss on the logged impressions (logged positions in the
 * position column), and NDCG@10 of the logged pages re-ranked by its serving score (position column 0,
 * as at serving).
 */
public record ModelMetrics(HeadMetrics click, HeadMetrics watch30, HeadMetrics share,
                           @JsonProperty("ndcg@10") double ndcgAt10) {

    /** Mean AUC over the three heads (the model-selection criterion). */
    public double meanAuc() {
        return (click.auc() + watch30.auc() + share.auc()) / 3;
    }
}
