package dev.marquee.ann;

import java.util.List;

/**
 * One consistent generation of a {@link DeltaBufferedHnswIndex}: the immutable graph, the graph ids
 * hidden since it was built, and the exact delta of fresh vectors. Published as a whole through one
 * volatile write, so a search sees one generation from start to end.
 */
record IndexLayers(HnswIndex main, TombstoneSet hiddenInMain, ExactIndex delta) {

  /** A write accepted while a rebuild was running, replayed onto the rebuilt graph; null = remove. */
  record PendingWrite(int id, float[] vector) {}

  static IndexLayers over(HnswIndex main) {
    return new IndexLayers(main, new TombstoneSet(), new ExactIndex(main.dimension()));
  }

  /** Writers only (serialised by the owner). Delta first, tombstone second: see the class doc. */
  void upsert(int id, float[] vector) {
    delta.upsert(id, vector);
    if (main.contains(id)) {
      hiddenInMain.add(id);
    }
  }

  /** Writers only. Tombstone first, so no search that starts later can see the id. */
  void remove(int id) {
    if (main.contains(id)) {
      hiddenInMain.add(id);
    }
    delta.remove(id);
  }

  /** A new generation over {@code rebuilt} holding exactly the writes made since its snapshot. */
  static IndexLayers replay(HnswIndex rebuilt, List<PendingWrite> writes) {
    IndexLayers next = over(rebuilt);
    for (PendingWrite write : writes) {
      if (write.vector() == null) {
        next.remove(write.id());
      } else {
        next.upsert(write.id(), write.vector());
      }
    }
    return next;
  }

  int size() {
    return main.size() - hiddenInMain.count() + delta.size();
  }

  long bytesUsed() {
    return main.bytesUsed() + hiddenInMain.bytesUsed() + delta.bytesUsed();
  }
}
