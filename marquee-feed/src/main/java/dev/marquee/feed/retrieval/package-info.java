/**
 * Candidate generation: narrowing the catalogue to ~1,000 videos worth ranking, fast and coarse.
 *
 * <p>Sources, each one {@link dev.marquee.core.CandidateSource} run in parallel behind its
 * {@link dev.marquee.core.Gate}: two-tower ANN over item embeddings, co-watch expansion of recent long views,
 * content-space neighbours of recent long views (the item tower's content-only path, which also covers
 * videos never trained on), trending biased to the user's categories, segment-popular (the user's segment's
 * 24 h popularity smoothed toward coarser segments; the new user's main source) and fresh uploads in the
 * user's categories. {@link dev.marquee.feed.retrieval.CandidateMerger} applies
 * per-source quotas, de-duplicates while keeping every producing source (provenance is a ranking feature)
 * and backfills from trending. All knobs live in {@link dev.marquee.feed.retrieval.RetrievalConfig}.
 *
 * <p>Index side (real-time loop): {@link dev.marquee.feed.retrieval.RetrievalIndexes} holds the two-tower and
 * content {@link dev.marquee.ann.VectorIndex}es for the model being served and rebuilds them in the
 * background when the model changes; {@link dev.marquee.feed.retrieval.VideoIndexUpdater} tails the event log
 * and makes every upserted video retrievable, exposing a watermark the upload API waits on;
 * {@link dev.marquee.feed.retrieval.TextVectorStore} persists title/tag vectors so nothing is encoded twice.
 */
package dev.marquee.feed.retrieval;
