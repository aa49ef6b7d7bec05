package dev.marquee.feed.ranking;

import dev.marquee.core.IdDictionary;

/**
 * Hashes the EXTERNAL id behind a dense id into {@code [1, cardinality)} (0 is reserved for "none"), so a
 * trained embedding table stays valid in another process whose dictionaries assigned other dense ids.
 * FNV-1a over the id's chars, finished with SplitMix64's mixer; results are cached per dense id so the
 * hot path is one array read. The cache races benignly: every writer stores the same value.
 */
final class StableBuckets {
    private final IdDictionary dictionary;
    private final int cardinality;
    private volatile int[] cache = new int[1024];

    StableBuckets(IdDictionary dictionary, int cardinality) {
        this.dictionary = dictionary;
        this.cardinality = cardinality;
    }

    /** Bucket of dense id {@code dense}, or 0 when {@code dense} is negative (no such entity). */
    int bucket(int dense) {
        if (dense < 0) {
            return 0;
        }
        int[] c = cache;
        if (dense < c.length && c[dense] != 0) {
            return c[dense];
        }
        int b = of(dictionary.external(dense), cardinality);
        if (dense >= c.length) {
            c = java.util.Arrays.copyOf(c, Math.max(dense + 1, c.length * 2));
            cache = c;
        }
        c[dense] = b;
        return b;
    }

    /** Bucket of an external id in {@code [1, cardinality)}; 0 for null. */
    static int of(String externalId, int cardinality) {
        if (externalId == null) {
            return 0;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < externalId.length(); i++) {
            h ^= externalId.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return 1 + (int) Long.remainderUnsigned(h, cardinality - 1);
    }
}
