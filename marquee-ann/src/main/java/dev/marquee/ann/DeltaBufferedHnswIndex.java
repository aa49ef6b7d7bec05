package dev.marquee.ann;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntPredicate;

/**
 * The serving {@link VectorIndex}: an immutable HNSW graph plus a small exact delta, in the spirit
 * of an LSM tree's memtable beside its sorted runs (and of FreshDiskANN's fresh in-memory index,
 * Singh et al. 2021). An upsert lands in the delta and tombstones the graph's stale copy, so the
 * very next search sees it; a search queries the graph (skipping tombstones), then the delta, and
 * merges the two top-k lists. Writers touch delta then tombstone and searches read graph then
 * delta, so an upserted video is never missing from a search that starts after the upsert returned.
 *
 * <p>When the delta reaches {@link IndexConfig#deltaRebuildThreshold()}, or on demand (a new model
 * re-embeds every video), a new graph is built on the injected executor and swapped in atomically
 * ({@link IndexGenerations}); searches never wait for a build, writes wait only for the swap.
 */
public final class DeltaBufferedHnswIndex implements VectorIndex, AutoCloseable {

  private final IndexConfig config;
  private final IndexGenerations generations;

  /**
   * Serves {@code main} (its config applies) and rebuilds on {@code rebuildExecutor}, which should
   * run tasks on another thread (a direct executor would make the triggering upsert wait).
   */
  public DeltaBufferedHnswIndex(HnswIndex main, Executor rebuildExecutor) {
    this.config = main.config();
    this.generations = new IndexGenerations(main, rebuildExecutor);
  }

  /** Builds the initial graph from {@code batch} on the calling thread. */
  public static DeltaBufferedHnswIndex build(
      VectorBatch batch, IndexConfig config, Executor rebuildExecutor) {
    return new DeltaBufferedHnswIndex(HnswIndex.build(batch, config), rebuildExecutor);
  }

  @Override
  public Neighbours search(float[] query, int k, IntPredicate accept) {
    VectorChecks.checkQuery(query, config.dimension(), k);
    while (true) {
      IndexLayers layers = generations.current();
      TombstoneSet hidden = layers.hiddenInMain();
      IntPredicate mainAccept = hidden.isEmpty() && accept == ACCEPT_ALL
          ? ACCEPT_ALL
          : id -> !hidden.contains(id) && accept.test(id);
      Neighbours fromMain = layers.main().trySearch(query, k, config.efSearch(), mainAccept);
      if (fromMain != null) {
        return NeighbourMerge.merge(layers.delta().search(query, k, accept), fromMain, k);
      }
      if (generations.current() == layers) {
        throw new IllegalStateException("DeltaBufferedHnswIndex is closed");
      }
      // That graph was swapped out and closed under us; retry on its successor.
    }
  }

  @Override
  public void upsert(int id, float[] vector) {
    VectorChecks.checkId(id);
    VectorChecks.checkUnitVector(id, vector, config.dimension());
    generations.upsert(id, vector);
  }

  @Override
  public void remove(int id) {
    generations.remove(id);
  }

  /** Folds the delta into a new graph in the background; joins a rebuild already running. */
  public CompletableFuture<Void> rebuild() {
    return generations.rebuild();
  }

  /**
   * Replaces every vector (the model changed) with a graph over {@code allVectors}, built in the
   * background; writes made after this call are replayed on top. Queued behind a running rebuild.
   */
  public CompletableFuture<Void> rebuildWith(VectorBatch allVectors) {
    if (allVectors.dimension() != config.dimension()) {
      throw new IllegalArgumentException("batch has dimension " + allVectors.dimension()
          + ", index expects " + config.dimension());
    }
    return generations.rebuildWith(allVectors);
  }

  /** True while a background rebuild is building or swapping a graph. */
  public boolean rebuildInProgress() {
    return generations.rebuildInProgress();
  }

  /** Fresh vectors currently held outside the graph. */
  public int deltaSize() {
    return generations.current().delta().size();
  }

  @Override
  public int size() {
    return generations.current().size();
  }

  @Override
  public int dimension() {
    return config.dimension();
  }

  @Override
  public long bytesUsed() {
    return generations.current().bytesUsed();
  }

  /** Closes the graph once in-flight searches finish; a running rebuild's result is discarded. */
  @Override
  public void close() {
    generations.close();
  }
}
