/**
 * Ranking: {@link dev.marquee.feed.ranking.RankerFeatures} is the one feature assembly shared by serving
 * and training (schema in {@link dev.marquee.feed.ranking.RankerFeatureSchema}); {@link
 * dev.marquee.feed.ranking.MultiTaskScorer} scores all candidates in one batch with the current multi-task
 * ranker and ranks by a weighted sum of its heads, falling back to {@link
 * dev.marquee.feed.ranking.TrendingOrderScorer} when no model is loaded; {@link
 * dev.marquee.feed.ranking.ImpressionLogSideEffect} logs every served item with the exact feature row the
 * model saw, so training data is point-in-time correct by construction.
 */
package dev.marquee.feed.ranking;
