package dev.marquee.ann;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;

/**
 * Owns the current {@link IndexLayers} generation of a {@link DeltaBufferedHnswIndex} and every move
 * to the next one. Writes are serialised by one lock that searches never take. Rebuild protocol:
 * under the lock, snapshot (graph, frozen tombstones, delta copy) and start a journal; off the lock,
 * on the injected executor, export the surviving graph vectors and build a new graph; under the lock
 * again, replay the journal onto it and publish it with one volatile write, then close the old graph
 * (its in-flight searches finish first, see {@link RefCountedResource}).
 */
final class IndexGenerations {

  private final IndexConfig config;
  private final Executor rebuildExecutor;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile IndexLayers current;
  private List<IndexLayers.PendingWrite> journal; // non-null while a rebuild runs
  private CompletableFuture<Void> rebuildInFlight;
  private boolean closed;

  IndexGenerations(HnswIndex main, Executor rebuildExecutor) {
    this.config = main.config();
    this.rebuildExecutor = rebuildExecutor;
    this.current = IndexLayers.over(main);
  }

  IndexLayers current() {
    return current;
  }

  void upsert(int id, float[] vector) {
    lock.lock();
    try {
      current.upsert(id, vector);
      if (journal != null) {
        journal.add(new IndexLayers.PendingWrite(id, vector.clone()));
      } else if (current.delta().size() >= config.deltaRebuildThreshold() && !closed) {
        startRebuild(null);
      }
    } finally {
      lock.unlock();
    }
  }

  void remove(int id) {
    lock.lock();
    try {
      current.remove(id);
      if (journal != null) {
        journal.add(new IndexLayers.PendingWrite(id, null));
      }
    } finally {
      lock.unlock();
    }
  }

  CompletableFuture<Void> rebuild() {
    lock.lock();
    try {
      return rebuildInFlight != null ? rebuildInFlight : startRebuild(null);
    } finally {
      lock.unlock();
    }
  }

  CompletableFuture<Void> rebuildWith(VectorBatch allVectors) {
    lock.lock();
    try {
      return rebuildInFlight == null ? startRebuild(allVectors)
          : rebuildInFlight.handle((ok, error) -> null).thenCompose(x -> rebuildWith(allVectors));
    } finally {
      lock.unlock();
    }
  }

  boolean rebuildInProgress() {
    lock.lock();
    try {
      return rebuildInFlight != null;
    } finally {
      lock.unlock();
    }
  }

  /** Closes the graph; a running rebuild's result is discarded when it arrives. */
  void close() {
    lock.lock();
    try {
      closed = true;
      current.main().close();
    } finally {
      lock.unlock();
    }
  }

  /** Caller holds the lock and no rebuild runs. {@code replacement} null = fold the delta in. */
  private CompletableFuture<Void> startRebuild(VectorBatch replacement) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("index is closed"));
    }
    IndexLayers snapshot = current;
    VectorBatch input = replacement != null ? replacement : snapshot.delta().snapshot();
    BitSet frozenTombstones = replacement != null ? null : snapshot.hiddenInMain().copy();
    CompletableFuture<Void> done = new CompletableFuture<>();
    journal = new ArrayList<>();
    rebuildInFlight = done;
    try {
      rebuildExecutor.execute(() -> {
        try {
          VectorBatch all = frozenTombstones == null ? input
              : snapshot.main().exportVectors(notIn(frozenTombstones)).concat(input);
          swapIn(HnswIndex.build(all, config));
          done.complete(null); // outside the lock: callbacks may write or rebuild again
        } catch (RuntimeException | Error e) {
          abandonRebuild();
          done.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      abandonRebuild();
      return CompletableFuture.failedFuture(e);
    }
    return done;
  }

  private static IntPredicate notIn(BitSet ids) {
    return id -> !ids.get(id);
  }

  /** Replays the journal onto the rebuilt graph and publishes it, all under the lock. */
  private void swapIn(HnswIndex rebuilt) {
    lock.lock();
    try {
      IndexLayers next;
      try {
        if (closed) {
          throw new IllegalStateException("index closed during rebuild");
        }
        next = IndexLayers.replay(rebuilt, journal);
      } catch (RuntimeException e) {
        rebuilt.close();
        throw e;
      }
      IndexLayers old = current;
      current = next;
      journal = null;
      rebuildInFlight = null;
      old.main().close();
    } finally {
      lock.unlock();
    }
  }

  private void abandonRebuild() {
    lock.lock();
    try {
      journal = null;
      rebuildInFlight = null;
    } finally {
      lock.unlock();
    }
  }
}
