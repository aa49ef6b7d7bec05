package dev.marquee.ann;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer to one search: video ids and their dot-product scores in parallel arrays, best first
 * (ties broken by smaller id). Arrays are owned by the result; callers must not mutate them.
 */
public record Neighbours(int[] ids, float[] scores) {

  /** The empty answer (nothing indexed, or nothing accepted). */
  public static final Neighbours EMPTY = new Neighbours(new int[0], new float[0]);

  public Neighbours {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(scores, "scores");
    if (ids.length != scores.length) {
      throw new IllegalArgumentException(
          "ids and scores must have the same length: " + ids.length + " != " + scores.length);
    }
  }

  public int size() {
    return ids.length;
  }

  public int id(int rank) {
    return ids[rank];
  }

  public float score(int rank) {
    return scores[rank];
  }

  /** True when {@code id} is among the answers (linear scan; for tests and tooling). */
  public boolean contains(int id) {
    for (int candidate : ids) {
      if (candidate == id) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Neighbours that
        && Arrays.equals(ids, that.ids)
        && Arrays.equals(scores, that.scores);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ids) + Arrays.hashCode(scores);
  }

  @Override
  public String toString() {
    return "Neighbours" + Arrays.toString(ids);
  }
}
