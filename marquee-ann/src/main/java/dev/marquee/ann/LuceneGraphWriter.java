package dev.marquee.ann;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * Writes a batch into a fresh single-segment Lucene index: one document per video holding the vector
 * ({@code KnnFloatVectorField}, DOT_PRODUCT) and the video id (doc values, read once at open into an
 * int[] so the search path never touches stored fields). Lucene builds the HNSW graph (Malkov &
 * Yashunin, TPAMI 2018) incrementally while documents are added; a buffer that holds the whole
 * batch yields one segment, and the final force-merge guarantees one graph whatever was flushed.
 */
final class LuceneGraphWriter {

  static final String VECTOR_FIELD = "vector";
  static final String ID_FIELD = "id";

  private LuceneGraphWriter() {}

  /** The directory holding the written index; for MMAP storage {@code path} is its folder. */
  record WrittenIndex(Directory directory, Path path) {}

  static WrittenIndex write(VectorBatch batch, IndexConfig config) throws IOException {
    Path path = null;
    Directory directory;
    if (config.storage() == IndexConfig.IndexStorage.MMAP) {
      Files.createDirectories(config.workDirectory());
      path = Files.createTempDirectory(config.workDirectory(), "marquee-hnsw-");
      directory = new MMapDirectory(path);
    } else {
      directory = new ByteBuffersDirectory();
    }
    try (IndexWriter writer = new IndexWriter(directory, writerConfig(config))) {
      int dimension = batch.dimension();
      float[] buffer = new float[dimension];
      KnnFloatVectorField vectorField =
          new KnnFloatVectorField(VECTOR_FIELD, buffer, VectorSimilarityFunction.DOT_PRODUCT);
      NumericDocValuesField idField = new NumericDocValuesField(ID_FIELD, 0L);
      Document document = new Document();
      document.add(vectorField);
      document.add(idField);
      for (int row = 0; row < batch.size(); row++) {
        // Lucene copies the vector on add, so one buffer serves every document.
        System.arraycopy(batch.vectors(), row * dimension, buffer, 0, dimension);
        idField.setLongValue(batch.ids()[row]);
        writer.addDocument(document);
      }
      writer.forceMerge(1);
      writer.commit();
    } catch (IOException | RuntimeException e) {
      directory.close();
      LuceneFiles.deleteQuietly(path);
      throw e;
    }
    return new WrittenIndex(directory, path);
  }

  private static IndexWriterConfig writerConfig(IndexConfig config) {
    KnnVectorsFormat format = vectorsFormat(config);
    Codec codec = new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return format;
      }
    };
    TieredMergePolicy mergePolicy = new TieredMergePolicy();
    mergePolicy.setNoCFSRatio(0.0);
    return new IndexWriterConfig()
        .setCodec(codec)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setUseCompoundFile(false)
        .setMergePolicy(mergePolicy)
        .setRAMBufferSizeMB(config.buildRamBufferMb());
  }

  static KnnVectorsFormat vectorsFormat(IndexConfig config) {
    return switch (config.encoding()) {
      case FLOAT32 -> new Lucene99HnswVectorsFormat(config.maxConn(), config.beamWidth());
      case INT8 -> new Lucene104HnswScalarQuantizedVectorsFormat(
          ScalarEncoding.UNSIGNED_BYTE, config.maxConn(), config.beamWidth());
    };
  }
}
