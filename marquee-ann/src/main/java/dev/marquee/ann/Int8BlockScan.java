package dev.marquee.ann;

import java.util.function.IntPredicate;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The IVF hot loop: approximate scores of one posting list's int8 residual codes against a float
 * query (asymmetric distance computation, Jégou et al. 2011), 32 vectors per block. The codes are
 * block-transposed ({@link PostingList}), so for each dimension the kernel broadcasts one query
 * weight and does 4 × (load 8 bytes → widen to 8 floats → FMA) into 4 independent accumulators: no
 * horizontal reduction per vector and no gather. Candidates that beat the heap's threshold are
 * added to the re-rank pool as (store row, score); the caller's filter sees video ids only for those.
 */
final class Int8BlockScan {

  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_256;
  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_64;
  private static final int LANES = FLOATS.length();

  static {
    if (PostingList.BLOCK != 4 * LANES) {
      throw new AssertionError("block must be 4 float vectors wide");
    }
  }

  private Int8BlockScan() {}

  /**
   * Adds every accepted entry of {@code list} to {@code pool} with score
   * {@code bias + Σ_j weights[j]·code_j}.
   *
   * @param blockScores scratch of at least {@link PostingList#BLOCK} floats
   */
  static void scan(PostingList list, float[] weights, float bias, float[] blockScores,
      CandidateBuffer pool, FloatRowStore.View rows, IntPredicate accept, boolean acceptAll) {
    byte[] codes = list.codes();
    int[] listRows = list.rows();
    int size = list.size();
    int d = weights.length;
    int stride = PostingList.BLOCK * d;
    for (int first = 0, base = 0; first < size; first += PostingList.BLOCK, base += stride) {
      FloatVector a0 = FloatVector.zero(FLOATS);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      for (int j = 0, off = base; j < d; j++, off += PostingList.BLOCK) {
        FloatVector w = FloatVector.broadcast(FLOATS, weights[j]);
        a0 = w.fma(widen(codes, off), a0);
        a1 = w.fma(widen(codes, off + LANES), a1);
        a2 = w.fma(widen(codes, off + 2 * LANES), a2);
        a3 = w.fma(widen(codes, off + 3 * LANES), a3);
      }
      a0.intoArray(blockScores, 0);
      a1.intoArray(blockScores, LANES);
      a2.intoArray(blockScores, 2 * LANES);
      a3.intoArray(blockScores, 3 * LANES);
      int lanes = Math.min(PostingList.BLOCK, size - first);
      for (int lane = 0; lane < lanes; lane++) {
        float score = bias + blockScores[lane];
        if (pool.wouldAccept(score)) {
          int row = listRows[first + lane];
          if (acceptAll || accept.test(rows.id(row))) {
            pool.add(row, score);
          }
        }
      }
    }
  }

  private static FloatVector widen(byte[] codes, int offset) {
    return (FloatVector) ByteVector.fromArray(BYTES, codes, offset)
        .convertShape(VectorOperators.B2F, FLOATS, 0);
  }
}
