package dev.marquee.ann;

import java.io.IOException;
import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.IOUtils;

/**
 * The opened single Lucene segment behind an {@link HnswIndex}: its reader, the doc → video id
 * array and the set of ids present, plus the file accounting. Every document has a vector, so a
 * vector ordinal equals its doc id.
 */
final class GraphSegment {

  private final LuceneGraphWriter.WrittenIndex files;
  private final DirectoryReader reader;
  private final LeafReader leaf;
  private final int[] docToId;
  private final BitSet presentIds;
  private final int dimension;
  private final Map<String, Long> fileBytes;

  private GraphSegment(
      LuceneGraphWriter.WrittenIndex files, DirectoryReader reader, int[] docToId, int dimension,
      Map<String, Long> fileBytes) {
    this.files = files;
    this.reader = reader;
    this.leaf = reader.leaves().isEmpty() ? null : reader.leaves().getFirst().reader();
    this.docToId = docToId;
    this.dimension = dimension;
    this.fileBytes = Collections.unmodifiableMap(fileBytes);
    this.presentIds = new BitSet();
    for (int id : docToId) {
      presentIds.set(id);
    }
  }

  static GraphSegment open(LuceneGraphWriter.WrittenIndex files, int dimension)
      throws IOException {
    DirectoryReader reader = DirectoryReader.open(files.directory());
    try {
      if (reader.leaves().size() > 1) {
        throw new IllegalStateException(
            "expected one segment after force-merge, found " + reader.leaves().size());
      }
      int[] docToId = new int[reader.maxDoc()];
      if (!reader.leaves().isEmpty()) {
        LeafReader leaf = reader.leaves().getFirst().reader();
        NumericDocValues ids = leaf.getNumericDocValues(LuceneGraphWriter.ID_FIELD);
        for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
          docToId[doc] = Math.toIntExact(ids.longValue());
        }
        FloatVectorValues vectors = leaf.getFloatVectorValues(LuceneGraphWriter.VECTOR_FIELD);
        if (vectors.size() != leaf.maxDoc() || leaf.numDocs() != leaf.maxDoc()) {
          throw new IllegalStateException("every document must hold exactly one live vector");
        }
        if (vectors.dimension() != dimension) {
          throw new IllegalStateException("index holds dimension " + vectors.dimension());
        }
      }
      Map<String, Long> fileBytes = new TreeMap<>();
      for (String name : files.directory().listAll()) {
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        fileBytes.merge(extension, files.directory().fileLength(name), Long::sum);
      }
      return new GraphSegment(files, reader, docToId, dimension, fileBytes);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(reader, files.directory());
      LuceneFiles.deleteQuietly(files.path());
      throw e;
    }
  }

  int size() {
    return docToId.length;
  }

  LeafReader leaf() {
    return leaf;
  }

  int[] docToId() {
    return docToId;
  }

  boolean contains(int id) {
    return id >= 0 && presentIds.get(id);
  }

  /** Exact float re-ranking of graph candidates, keeping the best k. */
  Neighbours rescore(float[] query, ScoreDoc[] hits, int k) throws IOException {
    if (hits.length == 0) {
      return Neighbours.EMPTY;
    }
    FloatVectorValues raw = leaf.getFloatVectorValues(LuceneGraphWriter.VECTOR_FIELD);
    TopKHeap heap = new TopKHeap(Math.min(k, hits.length));
    for (ScoreDoc hit : hits) {
      float score = DotProduct.dot(query, raw.vectorValue(hit.doc), 0, dimension);
      heap.offer(docToId[hit.doc], score);
    }
    return heap.drainBestFirst();
  }

  VectorBatch export(IntPredicate keep) throws IOException {
    int kept = 0;
    for (int id : docToId) {
      kept += keep.test(id) ? 1 : 0;
    }
    int[] ids = new int[kept];
    float[] vectors = new float[Math.multiplyExact(kept, dimension)];
    if (kept > 0) {
      FloatVectorValues raw = leaf.getFloatVectorValues(LuceneGraphWriter.VECTOR_FIELD);
      int row = 0;
      for (int doc = 0; doc < docToId.length; doc++) {
        if (keep.test(docToId[doc])) {
          ids[row] = docToId[doc];
          System.arraycopy(raw.vectorValue(doc), 0, vectors, row * dimension, dimension);
          row++;
        }
      }
    }
    return new VectorBatch(ids, vectors, dimension);
  }

  Map<String, Long> fileBytesByExtension() {
    return fileBytes;
  }

  long bytesUsed() {
    long total = idMapBytes();
    for (long bytes : fileBytes.values()) {
      total += bytes;
    }
    return total;
  }

  /** The doc → id array and the present-id bitset: the only per-video heap besides HEAP files. */
  long idMapBytes() {
    return 4L * docToId.length + presentIds.size() / 8;
  }

  /**
   * Runs on whichever thread drops the last reference (maybe a search), so it never throws: a
   * failure to close or delete only leaks a temporary folder, which is logged.
   */
  void close() {
    try {
      IOUtils.close(reader, files.directory());
      LuceneFiles.deleteRecursively(files.path());
    } catch (IOException | RuntimeException e) {
      System.getLogger(GraphSegment.class.getName()).log(System.Logger.Level.WARNING,
          "could not release HNSW index files at " + files.path(), e);
    }
  }
}
