package dev.marquee.models;

import java.nio.charset.StandardCharsets;

/**
 * The hashing trick for id embeddings: a stable id is mixed (SplitMix64 finaliser) and reduced to one
 * of {@code buckets} rows, so an id never seen in training still has a row and the table's size is
 * fixed. Training and serving must hash with the same {@code buckets} and {@code salt}; take the
 * instance from the trained model. Hash the external string id, not a process-local dense id.
 */
public record IdBuckets(int buckets, long salt) {

    public IdBuckets {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be >= 1, got " + buckets);
        }
    }

    /** The bucket of a stable numeric id. */
    public int bucket(long id) {
        long z = id + salt + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) Long.remainderUnsigned(z, buckets);
    }

    /** The bucket of an external string id (FNV-1a over its UTF-8 bytes, then {@link #bucket(long)}). */
    public int bucket(String externalId) {
        if (externalId == null || externalId.isEmpty()) {
            throw new IllegalArgumentException("external id must be a non-empty string");
        }
        long h = 0xcbf29ce484222325L;
        for (byte b : externalId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return bucket(h);
    }
}
