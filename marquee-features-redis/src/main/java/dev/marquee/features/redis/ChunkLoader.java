package dev.marquee.features.redis;

import dev.marquee.events.Interaction;
import dev.marquee.events.LogRecord;
import dev.marquee.features.StoreBackendAccess.UserSlots;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.SetParams;

/**
 * Phase 2 of {@link BatchApplier}, one pipelined round trip: claims every interaction's event id with
 * {@code SET NX GET EX} and the token {@code writerId@offset} (a claim holding another token marks a duplicate;
 * this record's own token means a crashed attempt being redelivered), and loads the chunk's user blobs,
 * tombstones and video record headers. Also checks that the write scripts are loaded, so a Redis restart is
 * noticed before the commit rather than inside it.
 */
final class ChunkLoader {
    private final RedisStoreConfig config;
    private final RedisKeys keys;
    private final RedisGateway redis;
    private final LuaScripts scripts;
    private final SharedDictionaries dict;

    ChunkLoader(RedisStoreConfig config, RedisKeys keys, RedisGateway redis, LuaScripts scripts, SharedDictionaries dict) {
        this.config = config;
        this.keys = keys;
        this.redis = redis;
        this.scripts = scripts;
        this.dict = dict;
    }

    /** Registers the chunk's users and videos, claims its event ids and loads their state: one round trip. */
    ChunkState load(List<LogRecord> chunk, UserSlots slots) {
        ChunkState st = new ChunkState(chunk.size(), dict);
        for (LogRecord r : chunk) {
            st.register(r.event());
        }
        st.seal();
        byte[][] claims = new byte[chunk.size()][];
        redis.read("load a write batch", c -> { // idempotent: a claim by this record returns its own token
            try (var p = c.pipelined()) {
                var scriptsPresent = p.scriptExists(keys.applied(), scripts.interaction(), scripts.upsert());
                List<Response<byte[]>> claimed = new ArrayList<>(chunk.size());
                for (LogRecord r : chunk) {
                    claimed.add(r.event() instanceof Interaction i
                            ? p.setGet(keys.eventId(EventChecks.hash(i.eventId())), token(r),
                                    SetParams.setParams().nx().ex(config.eventIdTtl().toSeconds()))
                            : null);
                }
                var blobs = new ArrayList<Response<byte[]>>(st.userCount());
                var tombs = new ArrayList<Response<byte[]>>(st.userCount());
                for (int s = 0; s < st.userCount(); s++) {
                    blobs.add(p.get(keys.user(st.user(s))));
                    tombs.add(p.get(keys.tombstone(st.user(s))));
                }
                var heads = new ArrayList<Response<byte[]>>(st.videoCount());
                for (int s = 0; s < st.videoCount(); s++) {
                    heads.add(p.getrange(keys.key("v:" + st.video(s)), 0, 11));
                }
                p.sync();
                if (scriptsPresent.get().contains(Boolean.FALSE)) {
                    throw new JedisNoScriptException("write scripts not loaded");
                }
                for (int k = 0; k < claimed.size(); k++) {
                    claims[k] = claimed.get(k) == null ? null : claimed.get(k).get();
                }
                for (int s = 0; s < st.userCount(); s++) {
                    slots.load(s, blobs.get(s).get());
                    byte[] t = tombs.get(s).get();
                    st.tombstone[s] = t == null ? Long.MIN_VALUE : Long.parseLong(new String(t, StandardCharsets.US_ASCII));
                }
                for (int s = 0; s < st.videoCount(); s++) {
                    st.header(s, heads.get(s).get());
                }
            }
            return null;
        });
        for (int k = 0; k < chunk.size(); k++) {
            st.duplicate[k] = claims[k] != null && !Arrays.equals(claims[k], token(chunk.get(k)));
        }
        return st;
    }

    private byte[] token(LogRecord r) {
        return (config.writerId() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8);
    }
}
