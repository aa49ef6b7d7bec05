package dev.marquee.features.redis;

import dev.marquee.core.IdDictionary;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A local {@link IdDictionary} that mirrors one shared Redis dictionary (a list of external ids in dense order,
 * appended atomically by the intern script). {@link IdDictionary#intern} assigns ids sequentially, so replaying
 * the list in order yields the same dense ids on every node. Only this class may intern into the local
 * dictionary: a local intern by anyone else is detected on the next sync and reported.
 */
final class DenseIdMirror {
    private final String kind;
    private final IdDictionary local;
    private final byte[] listKey;
    private final byte[] hashKey;
    private volatile long lastCheckNanos;

    DenseIdMirror(String kind, RedisKeys keys, int expected) {
        this.kind = kind;
        this.local = new IdDictionary(expected);
        this.listKey = keys.dictionaryList(kind);
        this.hashKey = keys.dictionaryHash(kind);
    }

    String kind() {
        return kind;
    }

    IdDictionary local() {
        return local;
    }

    byte[] listKey() {
        return listKey;
    }

    byte[] hashKey() {
        return hashKey;
    }

    /** Appends the list entries read from index {@code from} (the local size when the read was issued). */
    synchronized void append(long from, List<byte[]> entries) {
        int size = local.size();
        for (int i = 0; i < entries.size(); i++) {
            long index = from + i;
            if (index < size) {
                continue;
            }
            if (index > size) {
                throw new IllegalStateException(kind + " dictionary mirror has a gap at " + size + " (read from " + from + ")");
            }
            String id = new String(entries.get(i), StandardCharsets.UTF_8);
            int dense = local.intern(id);
            if (dense != index) {
                throw new IllegalStateException(kind + " dictionary diverged from Redis: '" + id + "' is " + dense
                        + " locally but " + index + " in Redis (someone interned into store." + kind
                        + "s() directly, or Redis lost its data)");
            }
            size++;
        }
    }

    /** Checks that a dense id Redis returned is the one the mirror now holds for {@code id}. */
    void verify(String id, long dense) {
        int mine = local.find(id);
        if (mine != dense) {
            throw new IllegalStateException(kind + " dictionary diverged from Redis: '" + id + "' is " + mine
                    + " locally but " + dense + " in Redis (was Redis restarted without persistence?)");
        }
    }

    /** Whether the throttled length check is due (and marks it done). */
    boolean checkDue(long intervalNanos) {
        long now = System.nanoTime();
        if (intervalNanos > 0 && now - lastCheckNanos < intervalNanos) {
            return false;
        }
        lastCheckNanos = now;
        return true;
    }
}
