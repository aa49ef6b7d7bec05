package dev.marquee.training.eval;

/**
 * One ranking policy's holdout figures over its top-{@code pageSize} list per user. Accuracy metrics are
 * means over users with at least one relevant video; list metrics are over every page produced.
 *
 * @param recall10          Recall@10
 * @param recall20          Recall@20
 * @param ndcg10            binary-gain NDCG@10
 * @param ndcg20            binary-gain NDCG@20
 * @param mrr               mean reciprocal rank of the first hit within the page (0 without a hit)
 * @param hitRate           share of users with at least one hit in the page
 * @param coverage          distinct videos shown across all pages ÷ servable catalogue
 * @param creatorDiversity  mean distinct creators per page ÷ page length
 * @param categoryDiversity mean distinct categories per page ÷ page length
 * @param novelty           mean popularity-rank percentile of shown videos (0 = the most popular video)
 * @param meanPopularityRank mean 0-based popularity rank of shown videos
 * @param freshShare        share of shown slots going to videos uploaded less than 48 h before the holdout
 * @param users             users evaluated
 */
public record PolicyMetrics(double recall10, double recall20, double ndcg10, double ndcg20, double mrr, double hitRate,
                            double coverage, double creatorDiversity, double categoryDiversity, double novelty,
                            double meanPopularityRank, double freshShare, int users) {
}
