package dev.marquee.ann;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD dot product on the JDK Vector API (widest species of the CPU; AVX-512 → 16 lanes, so a 64-d
 * vector is four fused multiply-adds and one lane reduction). Two accumulators hide FMA latency.
 */
final class DotProduct {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private DotProduct() {}

  /** Dot product of {@code query[0, dim)} with {@code matrix[offset, offset + dim)}. */
  static float dot(float[] query, float[] matrix, int offset, int dim) {
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    int i = 0;
    int pairBound = dim - 2 * LANES;
    for (; i <= pairBound; i += 2 * LANES) {
      acc0 = FloatVector.fromArray(SPECIES, query, i)
          .fma(FloatVector.fromArray(SPECIES, matrix, offset + i), acc0);
      acc1 = FloatVector.fromArray(SPECIES, query, i + LANES)
          .fma(FloatVector.fromArray(SPECIES, matrix, offset + i + LANES), acc1);
    }
    for (; i <= dim - LANES; i += LANES) {
      acc0 = FloatVector.fromArray(SPECIES, query, i)
          .fma(FloatVector.fromArray(SPECIES, matrix, offset + i), acc0);
    }
    float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; i < dim; i++) {
      sum += query[i] * matrix[offset + i];
    }
    return sum;
  }

  /**
   * Dot product of {@code query[0, dim)} with the {@code dim} native-order floats at byte
   * {@code offset} of {@code matrix}: the same lanes, accumulators and order as the array form (both
   * end in {@code reduceLanes(ADD)}, whose order the Vector API leaves unspecified, so results may
   * differ in the last bit between compiled and interpreted code, as the array form's already do).
   */
  static float dot(float[] query, MemorySegment matrix, long offset, int dim) {
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    ByteOrder order = ByteOrder.nativeOrder();
    int i = 0;
    int pairBound = dim - 2 * LANES;
    for (; i <= pairBound; i += 2 * LANES) {
      acc0 = FloatVector.fromArray(SPECIES, query, i)
          .fma(FloatVector.fromMemorySegment(SPECIES, matrix, offset + 4L * i, order), acc0);
      acc1 = FloatVector.fromArray(SPECIES, query, i + LANES)
          .fma(FloatVector.fromMemorySegment(SPECIES, matrix, offset + 4L * (i + LANES), order), acc1);
    }
    for (; i <= dim - LANES; i += LANES) {
      acc0 = FloatVector.fromArray(SPECIES, query, i)
          .fma(FloatVector.fromMemorySegment(SPECIES, matrix, offset + 4L * i, order), acc0);
    }
    float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; i < dim; i++) {
      sum += query[i] * matrix.get(ValueLayout.JAVA_FLOAT, offset + 4L * i);
    }
    return sum;
  }
}
