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
 *
 * <p>For large catalogues (top-500 over a million videos, where a graph needs a very deep beam and
 * a build of tens of minutes) {@link dev.marquee.ann.IvfIndex} serves instead: spherical k-means
 * cells, per-list int8 residual codes scanned with the Vector API, an exact float re-rank of the
 * best thousand, and native copy-on-write upserts (no delta layer). Its knobs are
 * {@link dev.marquee.ann.IvfSettings}, carried by {@link dev.marquee.ann.IndexConfig#ivf()}.
 */
package dev.marquee.ann;
