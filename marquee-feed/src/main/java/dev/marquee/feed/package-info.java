/**
 * The product: the home feed declared as a {@link dev.marquee.core.Pipeline} ({@code HomeFeedPipeline}) from
 * the components in {@code retrieval} (candidate sources and merging), {@code hydration}, {@code ranking}
 * (multi-task scoring) and {@code rerank} (filters and policy selectors).
 */
package dev.marquee.feed;
