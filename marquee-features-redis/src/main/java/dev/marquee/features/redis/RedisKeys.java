package dev.marquee.features.redis;

import java.nio.charset.StandardCharsets;

/** Builds the keys of one store (layout in package-info). Immutable. */
final class RedisKeys {
    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    byte[] key(String suffix) {
        return (prefix + suffix).getBytes(StandardCharsets.UTF_8);
    }

    byte[] user(int dense) {
        return key("u:" + dense);
    }

    byte[] tombstone(int dense) {
        return key("tomb:" + dense);
    }

    byte[] videoMeta(int dense) {
        return key("vm:" + dense);
    }

    byte[] eventId(long hash) {
        return key("e:" + Long.toHexString(hash));
    }

    byte[] applied() {
        return key("applied");
    }

    byte[] dictionaryHash(String kind) {
        return key("d:" + kind + ":h");
    }

    byte[] dictionaryList(String kind) {
        return key("d:" + kind + ":l");
    }

    /** Sorted set {@code base} ("tr:all", "pop:c:3", "cw:17", ...) in epoch {@code e}. */
    byte[] epochSet(String base, long e) {
        return key(base + ":" + e);
    }

    byte[] uploads(int category) {
        return key("up:" + category);
    }

    static byte[] bytes(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }
}
