package dev.marquee.features.redis;

import dev.marquee.features.StoreBackendAccess.UserSlots;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import redis.clients.jedis.AbstractTransaction;

/**
 * Phase 3 of {@link BatchApplier}: one MULTI/EXEC holding, in event order, the upsert script calls and the
 * interaction script calls (each run of consecutive interactions merged into one call, so per-call script
 * overhead is paid per run, not per event), then the changed user blobs (SETEX userTtl, or DEL when forgotten),
 * tombstones and the writer's applied offset. All or nothing: a crash before EXEC leaves no trace but the
 * event-id claims, which redelivery of the same records reclaims.
 */
final class ChunkCommit {
    private final RedisStoreConfig config;
    private final RedisKeys keys;
    private final RedisGateway redis;
    private final LuaScripts scripts;
    private final byte[] writerField;

    ChunkCommit(RedisStoreConfig config, RedisKeys keys, RedisGateway redis, LuaScripts scripts) {
        this.config = config;
        this.keys = keys;
        this.redis = redis;
        this.scripts = scripts;
        this.writerField = config.writerId().getBytes(StandardCharsets.UTF_8);
    }

    /** Queues the calls in order, merging each run of consecutive interaction calls into one script call. */
    private void queue(AbstractTransaction tx, List<byte[][]> calls) {
        List<byte[]> run = new ArrayList<>();
        for (byte[][] call : calls) {
            if (call[0] == scripts.interaction()) {
                run.addAll(Arrays.asList(call).subList(1, call.length));
                continue;
            }
            flushRun(tx, run);
            tx.evalsha(call[0], 0, Arrays.copyOfRange(call, 1, call.length));
        }
        flushRun(tx, run);
    }

    private void flushRun(AbstractTransaction tx, List<byte[]> run) {
        if (!run.isEmpty()) {
            tx.evalsha(scripts.interaction(), 0, run.toArray(new byte[0][]));
            run.clear();
        }
    }

    /** Commits the folded chunk: script calls in order, dirty users and tombstones, and the writer's offset. */
    void commit(ChunkState st, UserSlots slots, List<byte[][]> calls, long lastOffset) {
        long userTtl = config.userTtl().toSeconds();
        List<byte[]> blobs = new ArrayList<>(st.userCount());
        for (int s = 0; s < st.userCount(); s++) {
            blobs.add(st.userDirty[s] ? slots.save(s) : null);
        }
        redis.write("commit a write batch", c -> {
            try (var tx = c.multi()) {
                queue(tx, calls);
                for (int s = 0; s < st.userCount(); s++) {
                    if (st.userDirty[s]) {
                        byte[] key = keys.user(st.user(s));
                        if (blobs.get(s) == null) {
                            tx.del(key);
                        } else {
                            tx.setex(key, userTtl, blobs.get(s));
                        }
                    }
                    if (st.tombstoneDirty[s]) {
                        tx.set(keys.tombstone(st.user(s)), RedisKeys.bytes(st.tombstone[s]));
                    }
                }
                tx.hset(keys.applied(), writerField, RedisKeys.bytes(lastOffset));
                List<Object> results = tx.exec();
                for (Object o : results) {
                    if (o instanceof Exception ex) {
                        throw new IllegalStateException("Redis rejected part of a committed batch: " + ex.getMessage(), ex);
                    }
                }
            }
            return null;
        });
    }
}
