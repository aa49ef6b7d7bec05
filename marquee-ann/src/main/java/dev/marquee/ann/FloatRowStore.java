package dev.marquee.ann;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import java.util.Arrays;

/**
 * The float vectors behind an IVF index (for re-ranking, or for the unquantized scan), off the Java
 * heap in native pages of {@link #pageRows} rows (a power of two, at most {@value #PAGE_BYTES} bytes
 * each), plus each row's video id in heap pages. The floats are the one full-precision copy of the
 * index's vectors; keeping them native keeps the serving heap to the int8 codes and ids (issue #13:
 * heap per video) and out of GC marking. A row is written once and never changed, so a {@link View}
 * taken before an append stays valid and consistent while the single writer keeps appending; a
 * replaced vector gets a new row and its old row becomes garbage until the owner compacts into a
 * fresh store. Build order puts each list's rows side by side, so a list scan and its re-rank read
 * mostly sequential memory.
 *
 * <p>Lifetime: the pages belong to one shared {@link Arena}, freed once the owner has
 * {@link #close closed} the store and the last search holding a view has released it
 * ({@link View#tryAcquire}, {@link RefCountedResource}). A store that is never closed is freed
 * after it becomes unreachable (a {@link Cleaner} closes it for the owner), so a dropped index
 * never leaks native memory for good, but owners close explicitly to free it promptly.
 */
final class FloatRowStore implements AutoCloseable {

  /** Page size bound: under half of G1's smallest region, should pages ever move to the heap. */
  static final int PAGE_BYTES = 256 << 10;
  private static final Cleaner CLEANER = Cleaner.create();

  private final int dimension;
  private final int shift;
  private final RefCountedResource lifetime;
  private final Cleaner.Cleanable cleanable;
  private final Arena arena;
  private MemorySegment[] pages = new MemorySegment[0];
  private int[][] idPages = new int[0][];
  private int count;

  FloatRowStore(int dimension) {
    this.dimension = dimension;
    this.shift = Integer.numberOfTrailingZeros(pageRows(dimension));
    Arena shared = Arena.ofShared();
    this.arena = shared;
    this.lifetime = new RefCountedResource(shared::close);
    RefCountedResource owner = lifetime;
    this.cleanable = CLEANER.register(this, owner::close);
  }

  /** Rows per page for vectors of {@code dimension} floats (1,024 at 64-d). */
  static int pageRows(int dimension) {
    return Math.max(1, Integer.highestOneBit(PAGE_BYTES / (4 * dimension)));
  }

  /** Appends {@code vector[offset, offset + d)} for {@code id}; returns its row. Writer only. */
  int append(int id, float[] vector, int offset) {
    int slot = nextSlot();
    MemorySegment.copy(vector, offset, pages[count >>> shift], ValueLayout.JAVA_FLOAT,
        4L * slot * dimension, dimension);
    idPages[count >>> shift][slot] = id;
    return count++;
  }

  /** Appends row {@code row} of {@code from} (another store's view) for {@code id}. Writer only. */
  int append(int id, View from, int row) {
    int slot = nextSlot();
    MemorySegment.copy(from.page(row), from.offset(row), pages[count >>> shift],
        4L * slot * dimension, 4L * dimension);
    idPages[count >>> shift][slot] = id;
    return count++;
  }

  private int nextSlot() {
    int page = count >>> shift;
    if (page == pages.length) {
      pages = Arrays.copyOf(pages, page + 1);
      idPages = Arrays.copyOf(idPages, page + 1);
      pages[page] = arena.allocate((4L * dimension) << shift, 64);
      idPages[page] = new int[1 << shift];
    }
    return count & ((1 << shift) - 1);
  }

  int count() {
    return count;
  }

  /** Rows per page of this store. */
  int pageRows() {
    return 1 << shift;
  }

  /** An immutable view of the rows appended so far (publish it after the appends it must see). */
  View view() {
    return new View(pages, idPages, count, dimension, shift, lifetime);
  }

  long bytesUsed() {
    return ((long) pages.length << shift) * (4L * dimension + 4L);
  }

  /** Drops the owner's hold: the pages are freed once no search holds a view any more. */
  @Override
  public void close() {
    cleanable.clean();
  }

  /**
   * Rows [0, count) of a store at one moment; pages of {@code 1 << shift} rows. Read floats only
   * between a successful {@link #tryAcquire} and its {@link #release}.
   */
  record View(MemorySegment[] pages, int[][] idPages, int count, int dimension, int shift,
      RefCountedResource lifetime) {

    /** Takes a hold on the pages; false once the store is closed and freed (or being freed). */
    boolean tryAcquire() {
      return lifetime.tryAcquire();
    }

    void release() {
      lifetime.release();
    }

    MemorySegment page(int row) {
      return pages[row >>> shift];
    }

    /** Byte offset of {@code row} in its {@link #page}. */
    long offset(int row) {
      return 4L * (row & ((1 << shift) - 1)) * dimension;
    }

    int id(int row) {
      return idPages[row >>> shift][row & ((1 << shift) - 1)];
    }

    /** Native bytes of the float pages this view spans. */
    long floatBytes() {
      return ((long) pages.length << shift) * 4L * dimension;
    }

    /** Heap bytes of the id pages this view spans. */
    long idBytes() {
      return ((long) idPages.length << shift) * 4L;
    }
  }
}
