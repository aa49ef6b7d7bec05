/**
 * The pipeline vocabulary every feed is built from. A feed request is a {@link dev.marquee.core.FeedQuery}
 * run through a {@link dev.marquee.core.Pipeline} — query hydrators, candidate sources (each behind a
 * {@link dev.marquee.core.Gate}), filters, candidate hydrators, scorers, selectors and side effects —
 * by the {@link dev.marquee.core.PipelineExecutor}, which alone owns timing, deadlines, fail-open
 * fallbacks and metrics. Components hold business logic only (after X's product-mixer).
 */
package dev.marquee.core;
