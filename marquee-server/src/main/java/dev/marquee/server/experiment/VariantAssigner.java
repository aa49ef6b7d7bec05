package dev.marquee.server.experiment;

import java.nio.charset.StandardCharsets;

/**
 * Stable traffic splitting: a 64-bit hash of (experiment name, user id) picks one of {@link #BUCKETS} buckets,
 * and consecutive bucket ranges, sized by the variants' shares in declaration order, map to variants. The same
 * user always lands in the same variant of an experiment (no state, same on every node), and the experiment name
 * salts the hash so assignments of different experiments are independent. Hash: FNV-1a over the UTF-8 bytes
 * followed by the SplitMix64 finaliser (Steele et al., OOPSLA 2014) for avalanche.
 */
public final class VariantAssigner {
    public static final int BUCKETS = 10_000;

    /** The user's variant in {@code e}, or null when the user falls in the unassigned remainder. */
    public Variant assign(Experiment e, String userId) {
        int bucket = bucket(e.name(), userId);
        int upper = 0;
        double cumulative = 0;
        for (Variant v : e.variants()) {
            cumulative += v.share();
            upper = (int) Math.round(cumulative * BUCKETS);
            if (bucket < upper) {
                return v;
            }
        }
        return null;
    }

    /** Bucket in [0, BUCKETS) of the user in the named experiment. */
    public static int bucket(String experiment, String userId) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, experiment.getBytes(StandardCharsets.UTF_8));
        h = (h ^ 0x1F) * 0x100000001b3L; // separator: ("ab","c") and ("a","bc") differ
        h = fnv(h, userId.getBytes(StandardCharsets.UTF_8));
        h = mix(h);
        return (int) Long.remainderUnsigned(h, BUCKETS);
    }

    private static long fnv(long h, byte[] bytes) {
        for (byte b : bytes) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
