package dev.marquee.ann;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;

/**
 * An inverted-file index with an int8 residual scan and exact float re-rank ({@link IvfSearch}):
 * the serving {@link VectorIndex} for large catalogues, where top-500 from a graph needs a very
 * deep beam. Embeddings are clustered, IVF's best case: a query's 500 neighbours live in a few
 * dozen cells.
 *
 * <p>Writes are native, no delta layer: an upsert assigns the vector to its nearest centroid and
 * appends it to that list; a remove drops it from its list. Each write copies the one or two lists
 * it touches (copy-on-write) and publishes a new {@link IvfState} with one volatile write, so
 * searches never lock and always see one consistent version — a write is visible to every search
 * that starts after it returns. Writers serialise on a lock. A replaced vector's old float row
 * stays until garbage passes a quarter of the live rows (plus one page); the next write then
 * compacts the store (O(n), ~0.1–0.3 s at 1M, on the writing thread). Centroids are not
 * retrained by writes: rebuild when the model (the embedding space) changes.
 *
 * <p>Memory: the int8 codes, lists and id maps are on the heap (about 80 bytes per vector at
 * 64-d); the float rows, the only full-precision copy, are native ({@link FloatRowStore}, 256
 * bytes per vector at 64-d). {@link #close()} frees them once searches already running finish; an
 * index dropped without closing is freed after the garbage collector finds it unreachable.
 */
public final class IvfIndex implements VectorIndex, AutoCloseable {

  private static final int ABSENT = -1;

  private final IndexConfig config;
  private final IvfSettings settings;
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile IvfState state;
  private volatile boolean closed;
  private FloatRowStore store; // writer side
  private FloatRowStore retiredStore; // writer side: replaced by a compaction, closed after publish
  private int[] rowOfId;
  private int[] listOfId;
  private final float[] centroidScratch;
  private final byte[] codeScratch;

  private IvfIndex(IndexConfig config, IvfBuilder.Built built) {
    this.config = config;
    this.settings = config.ivf();
    this.state = built.state();
    this.store = built.store();
    this.rowOfId = built.rowOfId();
    this.listOfId = built.listOfId();
    this.centroidScratch = built.state().centroids().newScoreBuffer();
    this.codeScratch = new byte[config.dimension()];
  }

  /**
   * Trains and fills an index over {@code batch} (validated: unique non-negative ids, finite unit
   * vectors of {@code config.dimension()}) on the calling thread, with {@code config.ivf()}. A small
   * batch gets fewer lists ({@link IvfSettings#listsFor}); an empty batch one list that later upserts
   * fill (rebuild once real data exists).
   */
  public static IvfIndex build(VectorBatch batch, IndexConfig config) {
    if (batch.dimension() != config.dimension()) {
      throw new IllegalArgumentException(
          "batch has dimension " + batch.dimension() + ", config expects " + config.dimension());
    }
    batch.validated();
    return new IvfIndex(config, IvfBuilder.build(batch, config.ivf()));
  }

  @Override
  public Neighbours search(float[] query, int k, IntPredicate accept) {
    VectorChecks.checkQuery(query, config.dimension(), k);
    IvfState current = acquire();
    try {
      return IvfSearch.search(current, settings, query, k, accept);
    } finally {
      current.rows().release();
    }
  }

  /** Searches with an explicit number of probed lists (for tuning; clamped to the list count). */
  public Neighbours search(float[] query, int k, int probes, IntPredicate accept) {
    VectorChecks.checkQuery(query, config.dimension(), k);
    IvfState current = acquire();
    try {
      int clamped = Math.min(Math.max(1, probes), current.lists().length);
      return IvfSearch.search(current, settings.withProbes(clamped), query, k, accept);
    } finally {
      current.rows().release();
    }
  }

  /**
   * The current state with a hold on its float rows. A state read just before a compaction may
   * point at the retired store, already freed: read again (the write published a newer state
   * first). Fails once the index is closed.
   */
  private IvfState acquire() {
    while (true) {
      IvfState current = state;
      if (current.rows().tryAcquire()) {
        return current;
      }
      if (closed) {
        throw new IllegalStateException("IvfIndex is closed");
      }
      Thread.onSpinWait();
    }
  }

  /**
   * Frees the native float rows once searches already running finish; later searches and writes
   * throw {@link IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    writeLock.lock();
    try {
      closed = true;
      store.close();
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void upsert(int id, float[] vector) {
    VectorChecks.checkId(id);
    VectorChecks.checkUnitVector(id, vector, config.dimension());
    writeLock.lock();
    try {
      checkOpen();
      IvfState current = state;
      PostingList[] lists = current.lists().clone();
      int live = current.live();
      if (isIndexed(id)) {
        detach(id, lists);
        live--;
      }
      int list = current.centroids().nearest(vector, 0, centroidScratch);
      int row = store.append(id, vector, 0);
      byte[] code = null;
      if (current.quantized()) {
        current.quantizer().encode(vector, 0, current.centroids(), list, codeScratch);
        code = codeScratch;
      }
      lists[list] = lists[list].withAppended(row, code);
      growIdMaps(id);
      rowOfId[id] = row;
      listOfId[id] = list;
      publish(current, lists, live + 1);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void remove(int id) {
    writeLock.lock();
    try {
      checkOpen();
      if (!isIndexed(id)) {
        return;
      }
      IvfState current = state;
      PostingList[] lists = current.lists().clone();
      detach(id, lists);
      rowOfId[id] = ABSENT;
      publish(current, lists, current.live() - 1);
    } finally {
      writeLock.unlock();
    }
  }

  /** True when {@code id} is searchable. */
  public boolean contains(int id) {
    writeLock.lock();
    try {
      return isIndexed(id);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public int size() {
    return state.live();
  }

  @Override
  public int dimension() {
    return config.dimension();
  }

  /**
   * Heap (centroids, lists: rows + int8 codes, row ids, id maps) plus native bytes (the float rows,
   * {@link #nativeBytes()}).
   */
  @Override
  public long bytesUsed() {
    IvfState current = state;
    long quantizer = current.quantized() ? current.quantizer().bytesUsed() : 0;
    long idMaps;
    writeLock.lock();
    try {
      idMaps = 4L * rowOfId.length + 4L * listOfId.length;
    } finally {
      writeLock.unlock();
    }
    return current.centroids().bytesUsed() + quantizer + current.listBytes()
        + current.rows().floatBytes() + current.rows().idBytes() + idMaps;
  }

  /** Bytes of the float rows, off the Java heap (part of {@link #bytesUsed()}). */
  public long nativeBytes() {
    return state.rows().floatBytes();
  }

  /** Number of inverted lists (may be fewer than configured for a small build). */
  public int listCount() {
    return state.lists().length;
  }

  public IndexConfig config() {
    return config;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("IvfIndex is closed");
    }
  }

  private boolean isIndexed(int id) {
    return id >= 0 && id < rowOfId.length && rowOfId[id] != ABSENT;
  }

  /** Removes {@code id}'s entry from its list in {@code lists} (a private copy). Writer only. */
  private void detach(int id, PostingList[] lists) {
    int list = listOfId[id];
    int position = lists[list].indexOf(rowOfId[id]);
    if (position < 0) {
      throw new IllegalStateException("id " + id + " missing from its list " + list);
    }
    lists[list] = lists[list].without(position);
  }

  private void growIdMaps(int id) {
    if (id >= rowOfId.length) {
      int grown = Math.max(id + 1, rowOfId.length + (rowOfId.length >> 1) + 16);
      int old = rowOfId.length;
      rowOfId = Arrays.copyOf(rowOfId, grown);
      listOfId = Arrays.copyOf(listOfId, grown);
      Arrays.fill(rowOfId, old, grown, ABSENT);
    }
  }

  private void publish(IvfState current, PostingList[] lists, int live) {
    int garbage = store.count() - live;
    if (garbage > live / 4 + store.pageRows()) {
      compactInto(lists);
    }
    state = new IvfState(current.centroids(), current.quantizer(), lists, store.view(), live);
    if (retiredStore != null) { // only after no new search can read the old state
      retiredStore.close();
      retiredStore = null;
    }
  }

  /**
   * Copies live rows, list by list, into a fresh store and renumbers the lists; the old store is
   * closed (freed once searches still holding its view finish). Writer only.
   */
  private void compactInto(PostingList[] lists) {
    FloatRowStore.View old = store.view();
    FloatRowStore fresh = new FloatRowStore(config.dimension());
    int[] newRowOf = new int[old.count()];
    for (int c = 0; c < lists.length; c++) {
      for (int i = 0; i < lists[c].size(); i++) {
        int row = lists[c].row(i);
        int id = old.id(row);
        newRowOf[row] = fresh.append(id, old, row);
        rowOfId[id] = newRowOf[row];
      }
      lists[c] = lists[c].renumbered(newRowOf);
    }
    FloatRowStore retired = store;
    store = fresh;
    retiredStore = retired;
  }
}
