package dev.marquee.ann;

import java.util.function.IntPredicate;

/**
 * Read side of a vector index: top-k maximum-inner-product search over unit vectors. Safe for any
 * number of concurrent callers.
 */
public interface VectorSearcher {

  /** Pass as {@code accept} to consider every indexed id (lets implementations skip the filter). */
  IntPredicate ACCEPT_ALL = id -> true;

  /**
   * Returns up to {@code k} ids with the highest dot product to {@code query}, best first, among ids
   * for which {@code accept} is true. Fewer than {@code k} only when fewer are indexed and accepted.
   * Approximate implementations may miss some true neighbours (see their recall figures). The
   * filter is applied during the graph walk, so it should accept most ids (availability, not a
   * 1% segment): a very selective filter makes a graph search slow and lossy.
   *
   * @throws IllegalArgumentException if the query's length is not {@link #dimension()} or k < 1
   */
  Neighbours search(float[] query, int k, IntPredicate accept);

  /** Number of live (searchable) ids. */
  int size();

  /** Length of every vector in this index. */
  int dimension();

  /** Estimated bytes held for this index (heap plus index files it owns), for capacity planning. */
  long bytesUsed();
}
