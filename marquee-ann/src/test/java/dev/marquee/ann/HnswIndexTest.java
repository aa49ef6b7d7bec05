package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HnswIndexTest {

  @TempDir Path workDir;

  private final ClusteredEmbeddings world = new ClusteredEmbeddings(64, 10, 5);

  private IndexConfig mmap() {
    return IndexConfig.defaults().withGraph(16, 100)
        .withStorage(IndexConfig.IndexStorage.MMAP, workDir);
  }

  @Test
  void heapStorage_findsEachVectorAsItsOwnNearestNeighbour() {
    VectorBatch batch = world.sample(500, 1_000, 3);
    IndexConfig heap = mmap().withStorage(IndexConfig.IndexStorage.HEAP, workDir);
    try (HnswIndex index = HnswIndex.build(batch, heap)) {
      for (int row = 0; row < batch.size(); row += 50) {
        assertThat(index.search(batch.vector(row), 1, VectorSearcher.ACCEPT_ALL).id(0))
            .isEqualTo(batch.ids()[row]);
      }
      assertThat(index.contains(1_000)).isTrue();
      assertThat(index.contains(999)).isFalse();
    }
  }

  @Test
  void exportVectors_returnsStoredFloats_evenWhenQuantized() {
    VectorBatch batch = world.sample(300, 0, 3);
    try (HnswIndex index =
        HnswIndex.build(batch, mmap().withEncoding(IndexConfig.VectorEncoding.INT8))) {
      VectorBatch exported = index.exportVectors(id -> id != 7);

      assertThat(exported.size()).isEqualTo(299);
      int row = java.util.Arrays.binarySearch(exported.ids(), 8);
      assertThat(exported.vector(row)).containsExactly(batch.vector(8));
    }
  }

  @Test
  void close_failsNewSearches_andDeletesIndexFiles() throws Exception {
    HnswIndex index = HnswIndex.build(world.sample(200, 0, 3), mmap());
    assertThat(folders()).isEqualTo(1);

    index.close();
    index.close(); // idempotent

    assertThatThrownBy(() -> index.search(world.queries(1, 1)[0], 5, VectorSearcher.ACCEPT_ALL))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(folders()).isZero();
  }

  @Test
  void emptyBatch_buildsAnIndexThatFindsNothing() {
    try (HnswIndex index = HnswIndex.build(new VectorBatch(new int[0], new float[0], 64), mmap())) {
      assertThat(index.size()).isZero();
      assertThat(index.search(world.queries(1, 1)[0], 5, VectorSearcher.ACCEPT_ALL))
          .isEqualTo(Neighbours.EMPTY);
    }
  }

  @Test
  void build_rejectsDuplicateIdsAndWrongDimension() {
    VectorBatch batch = world.sample(2, 0, 3);
    VectorBatch duplicated = new VectorBatch(new int[] {4, 4}, batch.vectors(), 64);
    assertThatThrownBy(() -> HnswIndex.build(duplicated, mmap()))
        .hasMessageContaining("duplicate video id 4 at row 1");
    assertThatThrownBy(() -> HnswIndex.build(batch, mmap().withDimension(32)))
        .hasMessageContaining("batch has dimension 64, config expects 32");
  }

  private long folders() throws Exception {
    try (Stream<Path> entries = Files.list(workDir)) {
      return entries.count();
    }
  }
}
