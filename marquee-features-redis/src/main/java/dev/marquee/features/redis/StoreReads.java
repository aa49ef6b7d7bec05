package dev.marquee.features.redis;

import dev.marquee.events.Video;
import dev.marquee.features.FeatureStoreStats;
import dev.marquee.features.NeighbourBatch;
import dev.marquee.features.SegmentKey;
import dev.marquee.features.StoreBackendAccess.UserBlobReader;
import dev.marquee.features.TopN;
import dev.marquee.features.UserFeatures;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** The single-entity and list reads of {@link RedisFeatureStore}: argument checks, id mapping, one round trip each. */
final class StoreReads {
    private static final double LN2 = Math.log(2);
    private final RedisStoreConfig config;
    private final RedisGateway redis;
    private final RedisKeys keys;
    private final SharedDictionaries dict;
    private final TopListReader lists;
    private final UserBlobReader users;
    private final EpochDecay popularity;
    private final EpochDecay trending;
    private final EpochDecay coWatch;

    StoreReads(RedisStoreConfig config, RedisGateway redis, RedisKeys keys, SharedDictionaries dict, TopListReader lists,
               UserBlobReader users, EpochDecay popularity, EpochDecay trending, EpochDecay coWatch) {
        this.config = config;
        this.redis = redis;
        this.keys = keys;
        this.dict = dict;
        this.lists = lists;
        this.users = users;
        this.popularity = popularity;
        this.trending = trending;
        this.coWatch = coWatch;
    }

    long offset() {
        return redis.read("read applied offsets", c -> AppliedOffsets.max(c.hvals(keys.applied())));
    }

    UserFeatures user(String userId, long now) {
        int u = dict.users.local().find(userId);
        if (u < 0 && dict.sync(dict.users) > 0) {
            u = dict.users.local().find(userId);
        }
        return u < 0 ? UserFeatures.unknown(offset(), now) : user(u, now);
    }

    UserFeatures user(int u, long now) {
        Object[] got = redis.read("read user " + u, c -> {
            try (AbstractPipeline p = c.pipelined()) {
                Response<byte[]> blob = p.get(keys.user(u));
                Response<List<byte[]>> applied = p.hvals(keys.applied());
                p.sync();
                return new Object[] {blob.get(), applied.get()};
            }
        });
        byte[] blob = (byte[]) got[0];
        @SuppressWarnings("unchecked")
        long offset = AppliedOffsets.max((List<byte[]>) got[1]);
        try {
            return users.read(blob, u, now, offset, dict.profile());
        } catch (IllegalArgumentException unknownAttribute) {
            // A profile value or language interned by another node since this one last synced.
            dict.sync(dict.languages);
            dict.sync(dict.countries);
            dict.sync(dict.devices);
            dict.sync(dict.ageBands);
            return users.read(blob, u, now, offset, dict.profile());
        }
    }

    void coWatch(int[] seeds, int count, int perSeed, long now, NeighbourBatch out) {
        if (count < 0 || count > out.maxSeeds() || count > seeds.length) {
            throw new IllegalArgumentException("seed count " + count + " outside [0, " + out.maxSeeds() + "]");
        }
        if (perSeed <= 0 || perSeed > out.maxPerSeed()) {
            throw new IllegalArgumentException("perSeed " + perSeed + " outside [1, " + out.maxPerSeed() + "]");
        }
        for (int i = 0; i < count; i++) {
            checkDense(seeds[i], dict.videos);
        }
        lists.coWatch(seeds, count, Math.min(perSeed, config.features().coWatchNeighbours()), coWatch, now, out);
    }

    TopN segmentTop(SegmentKey segment, int n, long now) {
        checkN(n);
        int country = attribute(dict.countries, segment.country());
        int device = attribute(dict.devices, segment.device());
        int age = attribute(dict.ageBands, segment.ageBand());
        if (country == -2 || device == -2 || age == -2) {
            return new TopN(new int[0], new double[0], offset());
        }
        String base = "pop:s:" + PopularitySegments.suffix(segment.level(), country, device, age);
        return lists.top(base, popularity, n, config.features().segmentCapacity(), now, 1.0);
    }

    /** Dense id of a segment attribute: -1 for null, -2 when no node has seen the value. */
    private int attribute(DenseIdMirror m, String value) {
        if (value == null) {
            return -1;
        }
        int id = m.local().find(value);
        if (id < 0) {
            dict.sync(m);
            id = m.local().find(value);
        }
        return id < 0 ? -2 : id;
    }

    TopN categoryTop(int category, int n, long now) {
        checkN(n);
        checkDense(category, dict.categories);
        return lists.top("pop:c:" + category, popularity, n, config.features().categoryCapacity(), now, 1.0);
    }

    TopN trending(int category, int n, long now) {
        checkN(n);
        if (category < 0) {
            return lists.top("tr:all", trending, n, config.features().segmentCapacity(), now, LN2);
        }
        checkDense(category, dict.categories);
        return lists.top("tr:c:" + category, trending, n, config.features().categoryCapacity(), now, LN2);
    }

    TopN recentUploads(int category, int n) {
        checkN(n);
        checkDense(category, dict.categories);
        return lists.uploads(category, n);
    }

    Optional<Video> video(int v) {
        byte[] b = redis.read("read video metadata " + v, c -> c.get(keys.videoMeta(v)));
        return b == null ? Optional.empty() : Optional.of(VideoMetadataCodec.decode(b));
    }

    FeatureStoreStats stats() {
        long offset = offset();
        long edges = redis.read("count co-watch edges", c -> {
            long sum = 0;
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams match = new ScanParams().match(keys.prefix() + "cw:*").count(1000);
            do {
                ScanResult<String> page = c.scan(cursor, match);
                for (String k : page.getResult()) {
                    sum += c.zcard(k);
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            return sum;
        });
        long memory = redis.read("read memory info", c -> parseUsedMemory(c.info("memory")));
        return new FeatureStoreStats(offset, dict.users.local().size(), dict.videos.local().size(), edges, memory);
    }

    private static long parseUsedMemory(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        return -1;
    }

    void checkDense(int id, DenseIdMirror m) {
        if (!dict.covers(m, id)) {
            throw new IllegalArgumentException("unknown dense " + m.kind() + " id " + id + " (dictionary holds "
                    + m.local().size() + ")");
        }
    }

    private static void checkN(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
    }
}
