package dev.marquee.ann;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.Bits;

/**
 * An immutable HNSW graph (Malkov & Yashunin, TPAMI 2018) over a batch of unit vectors, built and
 * searched by Lucene: one segment, searched directly through the leaf reader with a
 * {@link TopKnnCollector} of size max(k, ef) (no query/weight machinery), Lucene doc ids mapped back
 * to video ids through an int[]. With INT8 encoding the graph is walked on Lucene's 8-bit optimized
 * scalar quantization and, when {@link IndexConfig#rescore()} is on, the ef candidates are re-ranked
 * by exact float dot products before the cut to k (the classic "oversample then rescore" recipe).
 *
 * <p>Thread-safe. Writes are not supported: the graph is rebuilt, not edited (see
 * {@link DeltaBufferedHnswIndex}). {@link #close()} waits for no one: searches still running keep
 * the files alive through a reference count, and new searches fail fast.
 */
public final class HnswIndex implements VectorSearcher, AutoCloseable {

  private final IndexConfig config;
  private final GraphSegment segment;
  private final RefCountedResource lifetime;

  private HnswIndex(IndexConfig config, GraphSegment segment) {
    this.config = config;
    this.segment = segment;
    this.lifetime = new RefCountedResource(segment::close);
  }

  /**
   * Builds the graph for {@code batch} (validated: unique non-negative ids, finite unit vectors of
   * {@code config.dimension()}) on the calling thread. Slow: 1M × 64 took 26 min at M=16 and
   * 44 min at M=32 (wall, one thread on a heavily shared 2-core box; 100k at M=16 took 31 s).
   */
  public static HnswIndex build(VectorBatch batch, IndexConfig config) {
    if (batch.dimension() != config.dimension()) {
      throw new IllegalArgumentException(
          "batch has dimension " + batch.dimension() + ", config expects " + config.dimension());
    }
    batch.validated();
    try {
      return new HnswIndex(config, GraphSegment.open(LuceneGraphWriter.write(batch, config), config.dimension()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not build the HNSW index", e);
    }
  }

  /** Searches with the configured efSearch. */
  @Override
  public Neighbours search(float[] query, int k, IntPredicate accept) {
    return search(query, k, config.efSearch(), accept);
  }

  /** Searches with an explicit candidate list size; ef below k is raised to k. */
  public Neighbours search(float[] query, int k, int ef, IntPredicate accept) {
    Neighbours result = trySearch(query, k, ef, accept);
    if (result == null) {
      throw new IllegalStateException("HnswIndex is closed");
    }
    return result;
  }

  /** As {@link #search(float[], int, int, IntPredicate)}, but null once closed (for swappers). */
  Neighbours trySearch(float[] query, int k, int ef, IntPredicate accept) {
    VectorChecks.checkQuery(query, config.dimension(), k);
    if (!lifetime.tryAcquire()) {
      return null;
    }
    try {
      return segment.size() == 0 ? Neighbours.EMPTY : searchGraph(query, k, ef, accept);
    } catch (IOException e) {
      throw new UncheckedIOException("HNSW search failed", e);
    } finally {
      lifetime.release();
    }
  }

  private Neighbours searchGraph(float[] query, int k, int ef, IntPredicate accept)
      throws IOException {
    int[] docToId = segment.docToId();
    LeafReader leaf = segment.leaf();
    TopKnnCollector collector = new TopKnnCollector(Math.max(k, ef), Integer.MAX_VALUE);
    Bits acceptBits = accept == ACCEPT_ALL ? null : new AcceptedDocs(docToId, accept);
    leaf.searchNearestVectors(
        LuceneGraphWriter.VECTOR_FIELD, query, collector,
        AcceptDocs.fromLiveDocs(acceptBits, docToId.length));
    ScoreDoc[] hits = collector.topDocs().scoreDocs;
    if (config.encoding() == IndexConfig.VectorEncoding.INT8 && config.rescore()) {
      return segment.rescore(query, hits, k);
    }
    int n = Math.min(k, hits.length);
    int[] ids = new int[n];
    float[] scores = new float[n];
    for (int i = 0; i < n; i++) {
      ids[i] = docToId[hits[i].doc];
      scores[i] = 2 * hits[i].score - 1; // Lucene's DOT_PRODUCT score is (1 + dot) / 2
    }
    return new Neighbours(ids, scores);
  }

  /** True when {@code id} is in the graph. */
  public boolean contains(int id) {
    return segment.contains(id);
  }

  /** Copy of the stored float vectors of every id that {@code keep} accepts (for rebuilds). */
  public VectorBatch exportVectors(IntPredicate keep) {
    if (!lifetime.tryAcquire()) {
      throw new IllegalStateException("HnswIndex is closed");
    }
    try {
      return segment.export(keep);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read vectors back from the HNSW index", e);
    } finally {
      lifetime.release();
    }
  }

  /** Index bytes by Lucene file extension (vex = graph, vec = floats, veq = int8 vectors, ...). */
  public Map<String, Long> fileBytesByExtension() {
    return segment.fileBytesByExtension();
  }

  @Override
  public int size() {
    return segment.size();
  }

  @Override
  public int dimension() {
    return config.dimension();
  }

  @Override
  public long bytesUsed() {
    return segment.bytesUsed();
  }

  /**
   * Bytes of this index on the Java heap: the id map, plus every index file when storage is HEAP.
   * With MMAP the files live in the page cache, outside the heap.
   */
  public long heapBytesUsed() {
    return config.storage() == IndexConfig.IndexStorage.HEAP
        ? segment.bytesUsed() : segment.idMapBytes();
  }

  public IndexConfig config() {
    return config;
  }

  /** Releases the index; files go once the last in-flight search finishes. Idempotent. */
  @Override
  public void close() {
    lifetime.close();
  }

  boolean isOpen() {
    return lifetime.isOpen();
  }

  /** Lucene filter bits: a doc is acceptable when the caller accepts its video id. */
  private record AcceptedDocs(int[] docToId, IntPredicate accept) implements Bits {
    @Override
    public boolean get(int doc) {
      return accept.test(docToId[doc]);
    }

    @Override
    public int length() {
      return docToId.length;
    }
  }
}
