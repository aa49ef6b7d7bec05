/**
 * Marquee's real-time feature pipeline: the {@link dev.marquee.features.FeatureUpdater} tails the event
 * log and folds every event into a {@link dev.marquee.features.FeatureStore} (user history and affinities,
 * watched-set Bloom filters, video counters and smoothed rates, the co-watch graph, segment popularity,
 * trending and fresh uploads). The store is a materialized view of the log: {@link
 * dev.marquee.features.InMemoryFeatureStore} is rebuilt by replay, or by loading a {@link
 * dev.marquee.features.FeatureSnapshot} and replaying the tail. Reads are batch-shaped for the feed funnel
 * (one user, up to 2,000 videos into reusable columns, co-watch neighbours of up to 50 seeds, top-N lists)
 * and every read carries the log offset it reflects. Decays use event time, never wall time, so a replay
 * reproduces the state bit for bit.
 */
package dev.marquee.features;
