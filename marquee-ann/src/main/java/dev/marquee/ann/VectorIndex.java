package dev.marquee.ann;

/**
 * The ANN seam used by retrieval: a searchable set of unit vectors keyed by dense int video ids that
 * also accepts single writes. Writes are visible to every search that starts after they return;
 * searches and writes may run concurrently from any number of threads.
 */
public interface VectorIndex extends VectorSearcher {

  /**
   * Inserts or replaces the vector of {@code id}.
   *
   * @throws IllegalArgumentException if id < 0, or the vector has the wrong length, a non-finite
   *     component, or is not L2-normalised (|norm - 1| > 1e-3)
   */
  void upsert(int id, float[] vector);

  /** Removes {@code id} from all future results; a no-op when absent. */
  void remove(int id);
}
