/**
 * Approximate nearest-neighbour retrieval over L2-normalised item embeddings (maximum inner
 * product, which equals cosine on unit vectors), keyed by dense int video ids.
 *
 * <p>{@link dev.marquee.ann.VectorIndex} is the seam the feed's two-tower source calls. The serving
 * implementation is {@link dev.marquee.ann.DeltaBufferedHnswIndex}: an immutable Lucene HNSW graph
 * ({@link dev.marquee.ann.HnswIndex}, float or int8-quantized) plus a small brute-force
 * {@link dev.marquee.ann.ExactIndex} delta holding fresh upserts, so a new video is retrievable by the
 * very next search; the graph is rebuilt in the background and swapped in atomically.
 * {@link dev.marquee.ann.ExactIndex} doubles as the recall oracle. All tuning lives in
 * {@link dev.marquee.ann.IndexConfig}.
 */
package dev.marquee.ann;
