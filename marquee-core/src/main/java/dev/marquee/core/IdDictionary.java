package dev.marquee.core;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps opaque external ids (≤ 128 chars) to dense ints so hot paths index arrays instead of hashing
 * strings. Append-only and thread-safe: an id keeps its int for the life of the process; readers of
 * {@link #external(int)} never block.
 */
public final class IdDictionary {
    private final ConcurrentHashMap<String, Integer> toDense;
    private volatile String[] toExternal;
    private int size;

    public IdDictionary(int expected) {
        toDense = new ConcurrentHashMap<>(Math.max(16, expected));
        toExternal = new String[Math.max(16, expected)];
    }

    /** The dense id of {@code id}, assigning the next one if it is new. */
    public int intern(String id) {
        Integer known = toDense.get(id);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            known = toDense.get(id);
            if (known != null) {
                return known;
            }
            int dense = size;
            String[] arr = toExternal;
            if (dense == arr.length) {
                arr = Arrays.copyOf(arr, arr.length + (arr.length >> 1) + 16);
            }
            arr[dense] = id;
            toExternal = arr;
            size = dense + 1;
            toDense.put(id, dense);
            return dense;
        }
    }

    /** The dense id of {@code id}, or -1 when it was never interned. */
    public int find(String id) {
        Integer known = toDense.get(id);
        return known == null ? -1 : known;
    }

    public String external(int dense) {
        String[] arr = toExternal;
        if (dense < 0 || dense >= arr.length || arr[dense] == null) {
            throw new IllegalArgumentException("unknown dense id " + dense);
        }
        return arr[dense];
    }

    public int size() {
        synchronized (this) {
            return size;
        }
    }
}
