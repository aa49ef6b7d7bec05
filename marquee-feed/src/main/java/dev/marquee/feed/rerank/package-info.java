/**
 * Re-ranking and policy, the last stage of the home feed: filters that remove what must not be shown
 * ({@link dev.marquee.feed.rerank.SeenVideosFilter}, {@link dev.marquee.feed.rerank.BusinessRulesFilter})
 * and selectors that turn scored candidates into a page ({@link dev.marquee.feed.rerank.ExplorationSelector}
 * reserves exploration slots, {@link dev.marquee.feed.rerank.CreatorDiversitySelector} enforces creator and
 * category spread, {@link dev.marquee.feed.rerank.PageSelector} cuts the page and numbers positions). All of
 * them read only the request's hydrated features ({@link dev.marquee.feed.FeedFeatures}), keep every
 * candidate's provenance, are configured by one {@link dev.marquee.feed.rerank.RerankConfig}, and draw any
 * randomness from the request seed so a request replays exactly. {@link dev.marquee.feed.rerank.RerankStage}
 * lists them in pipeline order.
 */
package dev.marquee.feed.rerank;
