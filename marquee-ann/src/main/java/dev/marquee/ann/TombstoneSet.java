package dev.marquee.ann;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Ids of the main graph that must no longer be returned (removed, or superseded by a fresher vector
 * in the delta): a growable bitset read lock-free on the search path. Writers must be serialised by
 * the owner; growth copies into a new array published through a volatile field, so a reader sees
 * either the old words or a superset.
 */
final class TombstoneSet {

  private volatile AtomicLongArray words = new AtomicLongArray(0);
  private volatile int count;

  boolean contains(int id) {
    AtomicLongArray current = words;
    int word = id >>> 6;
    return word < current.length() && (current.get(word) & (1L << id)) != 0;
  }

  /** Adds {@code id}; returns false when it was already present. Callers serialise writes. */
  boolean add(int id) {
    VectorChecks.checkId(id);
    AtomicLongArray current = words;
    int word = id >>> 6;
    if (word >= current.length()) {
      AtomicLongArray grown = new AtomicLongArray(Math.max(word + 1, current.length() * 2));
      for (int i = 0; i < current.length(); i++) {
        grown.set(i, current.get(i));
      }
      current = grown;
      words = grown;
    }
    long bit = 1L << id;
    long old = current.get(word);
    if ((old & bit) != 0) {
      return false;
    }
    current.set(word, old | bit);
    count++;
    return true;
  }

  /** A frozen copy, for rebuild snapshots. */
  BitSet copy() {
    AtomicLongArray current = words;
    long[] bits = new long[current.length()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = current.get(i);
    }
    return BitSet.valueOf(bits);
  }

  int count() {
    return count;
  }

  boolean isEmpty() {
    return count == 0;
  }

  long bytesUsed() {
    return 8L * words.length();
  }
}
