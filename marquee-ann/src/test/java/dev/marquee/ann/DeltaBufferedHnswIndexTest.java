package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaBufferedHnswIndexTest {

  private static final int BASE = 1_000;

  @TempDir Path workDir;

  private final ClusteredEmbeddings world = new ClusteredEmbeddings(64, 40, 21);
  private final ExecutorService rebuilds = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopExecutor() throws InterruptedException {
    rebuilds.shutdownNow();
    assertThat(rebuilds.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  private IndexConfig config() {
    return IndexConfig.defaults()
        .withStorage(IndexConfig.IndexStorage.MMAP, workDir)
        .withGraph(16, 100)
        .withEfSearch(200);
  }

  private DeltaBufferedHnswIndex index(IndexConfig config, java.util.concurrent.Executor executor) {
    return DeltaBufferedHnswIndex.build(world.sample(BASE, 0, 1), config, executor);
  }

  private float[] freshVector(long seed) {
    return world.point(new SplittableRandom(seed));
  }

  @Test
  void upsert_newVideo_isReturnedByTheNextSearch() {
    try (DeltaBufferedHnswIndex index = index(config(), rebuilds)) {
      float[] vector = freshVector(100);
      index.upsert(5_000, vector);

      Neighbours result = index.search(vector, 10, VectorSearcher.ACCEPT_ALL);

      assertThat(result.id(0)).isEqualTo(5_000);
      assertThat(result.score(0)).isCloseTo(1f, within(1e-5f));
      assertThat(index.size()).isEqualTo(BASE + 1);
    }
  }

  @Test
  void upsert_existingVideo_replacesItsGraphVector() {
    VectorBatch base = world.sample(BASE, 0, 1);
    try (DeltaBufferedHnswIndex index = DeltaBufferedHnswIndex.build(base, config(), rebuilds)) {
      float[] moved = freshVector(200);
      index.upsert(10, moved);

      Neighbours atNewPlace = index.search(moved, 5, VectorSearcher.ACCEPT_ALL);
      Neighbours atOldPlace = index.search(base.vector(10), 50, VectorSearcher.ACCEPT_ALL);

      assertThat(atNewPlace.id(0)).isEqualTo(10);
      assertThat(atNewPlace.score(0)).isCloseTo(1f, within(1e-5f));
      int rank = java.util.stream.IntStream.range(0, atOldPlace.size())
          .filter(r -> atOldPlace.id(r) == 10).findFirst().orElse(-1);
      if (rank >= 0) { // may still be near its old place, but with the new vector's score
        assertThat(atOldPlace.score(rank)).isLessThan(0.999f);
      }
      assertThat(index.size()).isEqualTo(BASE);
    }
  }

  @Test
  void remove_hidesVideoFromGraphAndDelta() {
    VectorBatch base = world.sample(BASE, 0, 1);
    try (DeltaBufferedHnswIndex index = DeltaBufferedHnswIndex.build(base, config(), rebuilds)) {
      float[] fresh = freshVector(300);
      index.upsert(7_000, fresh);

      index.remove(10);
      index.remove(7_000);

      assertThat(index.search(base.vector(10), 100, VectorSearcher.ACCEPT_ALL).contains(10)).isFalse();
      assertThat(index.search(fresh, 100, VectorSearcher.ACCEPT_ALL).contains(7_000)).isFalse();
      assertThat(index.size()).isEqualTo(BASE - 1);
    }
  }

  @Test
  void rebuild_foldsDeltaIntoNewGraph_andDeletesOldFiles() throws Exception {
    VectorBatch base = world.sample(BASE, 0, 1);
    try (DeltaBufferedHnswIndex index = DeltaBufferedHnswIndex.build(base, config(), rebuilds)) {
      float[] fresh = freshVector(400);
      index.upsert(9_000, fresh);
      index.remove(3);

      index.rebuild().get(60, TimeUnit.SECONDS);

      assertThat(index.deltaSize()).isZero();
      assertThat(index.size()).isEqualTo(BASE);
      assertThat(index.search(fresh, 1, VectorSearcher.ACCEPT_ALL).id(0)).isEqualTo(9_000);
      assertThat(index.search(base.vector(3), 100, VectorSearcher.ACCEPT_ALL).contains(3)).isFalse();
      assertThat(indexFolders()).isEqualTo(1);
    }
    assertThat(indexFolders()).isZero();
  }

  @Test
  void writesDuringRebuild_surviveTheSwap() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    VectorBatch base = world.sample(BASE, 0, 1);
    try (DeltaBufferedHnswIndex index = DeltaBufferedHnswIndex.build(base, config(), task ->
        rebuilds.execute(() -> {
          awaitQuietly(gate);
          task.run();
        }))) {
      CompletableFuture<Void> rebuild = index.rebuild();
      float[] fresh = freshVector(500);
      index.upsert(8_000, fresh);
      index.remove(20);
      assertThat(index.rebuildInProgress()).isTrue();

      gate.countDown();
      rebuild.get(60, TimeUnit.SECONDS);

      assertThat(index.search(fresh, 1, VectorSearcher.ACCEPT_ALL).id(0)).isEqualTo(8_000);
      assertThat(index.search(base.vector(20), 100, VectorSearcher.ACCEPT_ALL).contains(20)).isFalse();
      assertThat(index.size()).isEqualTo(BASE);
    }
  }

  @Test
  void concurrentSearchesAndUpserts_duringRebuilds_neverFail() throws Exception {
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicInteger searches = new AtomicInteger();
    float[][] queries = world.queries(50, 77);
    try (DeltaBufferedHnswIndex index = index(config(), rebuilds)) {
      CountDownLatch stop = new CountDownLatch(1);
      Runnable searcher = () -> {
        int i = 0;
        while (stop.getCount() > 0) {
          try {
            Neighbours result = index.search(queries[i++ % queries.length], 100, VectorSearcher.ACCEPT_ALL);
            if (result.size() != 100) {
              errors.add(new AssertionError("short result: " + result.size()));
            }
            searches.incrementAndGet();
          } catch (Throwable e) {
            errors.add(e);
          }
        }
      };
      Thread[] threads = {new Thread(searcher), new Thread(searcher)};
      for (Thread thread : threads) {
        thread.start();
      }
      for (int round = 0; round < 2; round++) {
        CompletableFuture<Void> rebuild = index.rebuild();
        for (int i = 0; !rebuild.isDone(); i++) {
          index.upsert(10_000 + round * 1_000 + (i % 1_000), freshVector(round * 10_000L + i));
        }
        rebuild.get(60, TimeUnit.SECONDS);
      }
      stop.countDown();
      for (Thread thread : threads) {
        thread.join(30_000);
      }
    }
    assertThat(errors).isEmpty();
    assertThat(searches.get()).isPositive();
    System.out.println("searches completed during 2 rebuilds: " + searches.get());
  }

  @Test
  void deltaAtThreshold_triggersBackgroundRebuild() {
    try (DeltaBufferedHnswIndex index = index(config().withDeltaRebuildThreshold(20), rebuilds)) {
      for (int i = 0; i < 20; i++) {
        index.upsert(20_000 + i, freshVector(600 + i));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((index.rebuildInProgress() || index.deltaSize() > 0) && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
      assertThat(index.deltaSize()).isZero();
      assertThat(index.size()).isEqualTo(BASE + 20);
    }
  }

  @Test
  void rebuildWith_replacesEveryVector() throws Exception {
    try (DeltaBufferedHnswIndex index = index(config(), rebuilds)) {
      VectorBatch retrained = new ClusteredEmbeddings(64, 40, 99).sample(600, 0, 2);

      index.rebuildWith(retrained).get(60, TimeUnit.SECONDS);

      assertThat(index.size()).isEqualTo(600);
      Neighbours result = index.search(retrained.vector(5), 1, VectorSearcher.ACCEPT_ALL);
      assertThat(result.id(0)).isEqualTo(5);
      assertThat(result.score(0)).isCloseTo(1f, within(1e-5f));
    }
  }

  @Test
  void closedIndex_rejectsSearches() {
    DeltaBufferedHnswIndex index = index(config(), rebuilds);
    index.close();

    assertThatThrownBy(() -> index.search(freshVector(1), 5, VectorSearcher.ACCEPT_ALL))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  private long indexFolders() throws Exception {
    try (Stream<Path> entries = Files.list(workDir)) {
      return entries.count();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
