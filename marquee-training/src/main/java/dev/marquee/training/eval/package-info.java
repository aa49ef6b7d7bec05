/**
 * Offline evaluation of the whole funnel on a temporal holdout ({@code marquee eval}): {@link
 * dev.marquee.training.eval.EvalJob} trains the two-tower model and the ranker on the events before the
 * holdout window only, rebuilds serving's pipeline over the feature store frozen at the holdout start, and
 * measures every candidate source alone and merged (Recall@K), the full pipeline and its baselines as ranking
 * policies (Recall, NDCG, MRR, hit rate, coverage, diversity, novelty, freshness) and the ranker's heads
 * (AUC, log loss, calibration) beside logistic-regression and popularity baselines. Ground truth is the set of
 * videos each holdout user watched for more than 30 s in the window and had not long-viewed before it. The
 * metric arithmetic lives in small pure classes ({@link dev.marquee.training.eval.RankedListMetrics}) so it is
 * unit-tested against hand-computed values.
 */
package dev.marquee.training.eval;
