package dev.marquee.features.redis;

import dev.marquee.core.IdDictionary;
import dev.marquee.features.StoreBackendAccess.ProfileDictionaries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * The store's eight dictionaries (users, videos, creators, categories, languages and the profile attributes),
 * each a {@link DenseIdMirror} of a Redis list. New ids are assigned in Redis by one script call per
 * dictionary and mirrored in the same round trip; mirrors catch up lazily (on a miss) or on a length check.
 */
final class SharedDictionaries {
    final DenseIdMirror users;
    final DenseIdMirror videos;
    final DenseIdMirror creators;
    final DenseIdMirror categories;
    final DenseIdMirror languages;
    final DenseIdMirror countries;
    final DenseIdMirror devices;
    final DenseIdMirror ageBands;
    private final List<DenseIdMirror> all;
    private final RedisGateway redis;
    private final LuaScripts scripts;
    private final long refreshNanos;

    SharedDictionaries(RedisKeys keys, RedisGateway redis, LuaScripts scripts, long refreshMillis) {
        this.redis = redis;
        this.scripts = scripts;
        this.refreshNanos = refreshMillis * 1_000_000L;
        users = new DenseIdMirror("user", keys, 1 << 12);
        videos = new DenseIdMirror("video", keys, 1 << 12);
        creators = new DenseIdMirror("creator", keys, 1 << 10);
        categories = new DenseIdMirror("category", keys, 64);
        languages = new DenseIdMirror("language", keys, 16);
        countries = new DenseIdMirror("country", keys, 64);
        devices = new DenseIdMirror("device", keys, 16);
        ageBands = new DenseIdMirror("ageBand", keys, 16);
        all = List.of(users, videos, creators, categories, languages, countries, devices, ageBands);
    }

    ProfileDictionaries profile() {
        return new ProfileDictionaries(ageBands.local(), countries.local(), devices.local(), languages.local());
    }

    /** Interns every id of {@code wanted} (per mirror) in Redis and mirrors them: one round trip. */
    void internAll(Map<DenseIdMirror, Set<String>> wanted) {
        record Pending(DenseIdMirror mirror, List<String> ids, Response<Object> dense, long from, Response<List<byte[]>> tail) {
        }
        List<Pending> pending = redis.read("intern ids", c -> { // idempotent: known ids keep theirs
            List<Pending> out = new ArrayList<>();
            try (AbstractPipeline p = c.pipelined()) {
                for (Map.Entry<DenseIdMirror, Set<String>> e : wanted.entrySet()) {
                    if (e.getValue().isEmpty()) {
                        continue;
                    }
                    DenseIdMirror m = e.getKey();
                    List<String> ids = new ArrayList<>(e.getValue());
                    List<byte[]> args = new ArrayList<>(ids.size());
                    for (String id : ids) {
                        args.add(id.getBytes(StandardCharsets.UTF_8));
                    }
                    Response<Object> dense = p.evalsha(scripts.intern(), List.of(m.hashKey(), m.listKey()), args);
                    long from = m.local().size();
                    out.add(new Pending(m, ids, dense, from, p.lrange(m.listKey(), from, -1)));
                }
                p.sync();
            }
            for (Pending pd : out) {
                pd.dense.get();
            }
            return out;
        });
        for (Pending pd : pending) {
            pd.mirror.append(pd.from, pd.tail.get());
            @SuppressWarnings("unchecked")
            List<Long> dense = (List<Long>) pd.dense.get();
            for (int i = 0; i < dense.size(); i++) {
                pd.mirror.verify(pd.ids.get(i), dense.get(i));
            }
        }
    }

    static Map<DenseIdMirror, Set<String>> request() {
        return new java.util.LinkedHashMap<>();
    }

    static void want(Map<DenseIdMirror, Set<String>> request, DenseIdMirror m, String id) {
        if (id != null) {
            request.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(id);
        }
    }

    /** Brings {@code m} up to date with Redis now (one round trip); returns its size. */
    int sync(DenseIdMirror m) {
        long from = m.local().size();
        List<byte[]> tail = redis.read("sync the " + m.kind() + " dictionary", c -> c.lrange(m.listKey(), from, -1));
        m.append(from, tail);
        return m.local().size();
    }

    /** The local dictionary, after a length check if the throttle allows one. */
    IdDictionary fresh(DenseIdMirror m) {
        if (m.checkDue(refreshNanos)) {
            long len = redis.read("check the " + m.kind() + " dictionary", c -> c.llen(m.listKey()));
            if (len > m.local().size()) {
                sync(m);
            }
        }
        return m.local();
    }

    /** Makes sure dense id {@code id} is mirrored (syncing on a miss); false when Redis does not know it either. */
    boolean covers(DenseIdMirror m, int id) {
        return id >= 0 && (id < m.local().size() || id < sync(m));
    }

    /** Syncs every mirror (used at start so a new node sees the existing dictionaries). */
    void syncAll() {
        for (DenseIdMirror m : all) {
            sync(m);
        }
    }
}
