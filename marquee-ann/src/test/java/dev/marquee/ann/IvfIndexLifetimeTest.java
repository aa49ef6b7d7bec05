package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The IVF index's native float rows: freed on close, never freed under a running search. */
class IvfIndexLifetimeTest {

  private static final ClusteredEmbeddings WORLD = new ClusteredEmbeddings(16, 40, 3);
  private static final IndexConfig SMALL = IndexConfig.defaults().withDimension(16)
      .withIvf(IvfSettings.defaults().withLists(16, 4).withMinListSize(1).withRerankDepth(200)
          .withTraining(2_000, 8, 5L));

  @Test
  void close_failsLaterSearchesAndWrites_andIsIdempotent() {
    IvfIndex index = IvfIndex.build(WORLD.sample(200, 0, 21), SMALL);
    float[] q = WORLD.point(new SplittableRandom(1));
    assertThat(index.search(q, 10, VectorSearcher.ACCEPT_ALL).size()).isEqualTo(10);
    assertThat(index.nativeBytes()).isEqualTo(4L * 16 * FloatRowStore.pageRows(16));
    index.close();
    index.close();
    assertThatThrownBy(() -> index.search(q, 10, VectorSearcher.ACCEPT_ALL))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> index.upsert(1, q)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.remove(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void store_closedWhileAViewIsHeld_staysReadableUntilReleased() {
    FloatRowStore store = new FloatRowStore(4);
    store.append(9, new float[] {1, 2, 3, 4}, 0);
    FloatRowStore.View view = store.view();
    assertThat(view.tryAcquire()).isTrue();
    store.close();
    assertThat(view.page(0).get(ValueLayout.JAVA_FLOAT, view.offset(0) + 12)).isEqualTo(4f);
    assertThat(view.id(0)).isEqualTo(9);
    view.release();
    assertThat(view.tryAcquire()).isFalse();
    assertThatThrownBy(() -> view.page(0).get(ValueLayout.JAVA_FLOAT, 0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void searches_duringCompactions_neverFail_andEndExact() throws Exception {
    VectorBatch batch = WORLD.sample(300, 0, 12);
    IvfIndex index = IvfIndex.build(batch, SMALL);
    ExactIndex oracle = ExactIndex.of(batch);
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader = Thread.ofPlatform().start(() -> {
      SplittableRandom r = new SplittableRandom(5);
      try {
        while (!done.get()) {
          if (index.search(WORLD.point(r), 20, 16, VectorSearcher.ACCEPT_ALL).size() != 20) {
            throw new AssertionError("short answer");
          }
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 4 * FloatRowStore.pageRows(16); i++) { // several compactions
      int id = random.nextInt(300);
      float[] v = WORLD.point(random);
      index.upsert(id, v);
      oracle.upsert(id, v);
    }
    done.set(true);
    reader.join();
    assertThat(failure.get()).isNull();
    float[] query = WORLD.point(new SplittableRandom(14));
    Neighbours got = index.search(query, 50, 16, VectorSearcher.ACCEPT_ALL);
    Neighbours want = oracle.search(query, 50, VectorSearcher.ACCEPT_ALL);
    assertThat(got.ids()).containsExactly(want.ids());
    for (int i = 0; i < want.size(); i++) { // the Vector API's lane reduction order is unspecified
      assertThat(got.score(i)).isCloseTo(want.score(i), org.assertj.core.data.Offset.offset(1e-5f));
    }
    index.close();
  }

  @Test
  void dot_onNativeRows_equalsTheArrayForm() {
    SplittableRandom r = new SplittableRandom(3);
    for (int dim : new int[] {1, 7, 16, 33, 64, 100}) {
      float[] q = new float[dim];
      float[] row = new float[dim + 5];
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) r.nextGaussian();
      }
      for (int i = 0; i < dim; i++) {
        q[i] = (float) r.nextGaussian();
      }
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment seg = arena.allocate(4L * row.length, 64);
        MemorySegment.copy(row, 0, seg, ValueLayout.JAVA_FLOAT, 0, row.length);
        // same lanes and accumulation order; only the lane reduction's order is left to the JIT
        assertThat(DotProduct.dot(q, seg, 4L * 3, dim))
            .isCloseTo(DotProduct.dot(q, row, 3, dim), org.assertj.core.data.Offset.offset(1e-4f));
      }
    }
  }
}
