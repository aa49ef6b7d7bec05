package dev.marquee.features.redis;

import dev.marquee.features.StoreBackendAccess;
import dev.marquee.features.VideoFeatureBatch;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * {@code videoFeatures} in one pipelined round trip: MGET of the video records, MGET of their creators' and
 * categories' statistics (groups known from {@link VideoGroupCache}), the overall totals and the applied
 * offsets. Groups the cache did not know (first sight of a video, or a re-upsert moved it) are fetched in a
 * second round trip. Decoding uses the in-memory store's formulas: decay to the read time, Beta smoothing
 * toward the category, creator statistics.
 */
final class VideoBatchReader {
    private static final double LN2 = Math.log(2);
    private static final double RATE_HOUR = LN2 / 3_600_000L;
    private static final double RATE_DAY = LN2 / 86_400_000L;
    private final RedisGateway redis;
    private final RedisKeys keys;
    private final VideoGroupCache cache = new VideoGroupCache();
    private final double kappa;
    private final double uploadRate;

    VideoBatchReader(RedisGateway redis, RedisKeys keys, RedisStoreConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.kappa = config.features().betaPriorStrength();
        this.uploadRate = LN2 / config.features().creatorUploadHalfLifeMillis();
    }

    /** Reads the records of {@code ids[0..count)} and fills {@code out}; ids must be known dense video ids. */
    void fill(int[] ids, int count, long now, VideoFeatureBatch out) {
        byte[][] videoKeys = new byte[count][];
        Groups creators = new Groups("g:r:");
        Groups categories = new Groups("g:c:");
        for (int i = 0; i < count; i++) {
            videoKeys[i] = keys.key("v:" + ids[i]);
            creators.want(cache.creator(ids[i]));
            categories.want(cache.category(ids[i]));
        }
        Object[] got = redis.read("read video features", c -> {
            try (AbstractPipeline p = c.pipelined()) {
                Response<List<byte[]>> recs = count == 0 ? null : p.mget(videoKeys);
                creators.request(p, keys);
                categories.request(p, keys);
                Response<byte[]> overall = p.get(keys.key("g:all"));
                Response<List<byte[]>> applied = p.hvals(keys.applied());
                p.sync();
                creators.collect();
                categories.collect();
                return new Object[] {recs == null ? List.of() : recs.get(), overall.get(), applied.get()};
            }
        });
        @SuppressWarnings("unchecked")
        List<byte[]> recs = (List<byte[]>) got[0];
        for (int i = 0; i < count; i++) {
            ByteBuffer r = recs.get(i) == null ? null : ByteBuffer.wrap(recs.get(i));
            int cr = int32(r, 0) - 1;
            int cat = cr >= 0 ? int32(r, 4) - 1 : -1;
            if (cr != cache.creator(ids[i]) || cat != cache.category(ids[i])) {
                cache.remember(ids[i], cr, cat);
            }
            creators.want(cr);
            categories.want(cat);
        }
        if (creators.missing() || categories.missing()) {
            redis.read("read group statistics", c -> {
                try (AbstractPipeline p = c.pipelined()) {
                    creators.request(p, keys);
                    categories.request(p, keys);
                    p.sync();
                    creators.collect();
                    categories.collect();
                }
                return null;
            });
        }
        @SuppressWarnings("unchecked")
        long offset = AppliedOffsets.max((List<byte[]>) got[2]);
        decode(ids, count, now, out, recs, creators, categories, (byte[]) got[1]);
        StoreBackendAccess.finishVideos(out, count, now, offset);
    }

    private void decode(int[] ids, int count, long now, VideoFeatureBatch out, List<byte[]> recs, Groups creators,
                        Groups categories, byte[] overallBytes) {
        ByteBuffer overall = overallBytes == null ? null : ByteBuffer.wrap(overallBytes);
        double globalLv = prior(null, overall, 2);
        long[] totals = new long[5];
        for (int i = 0; i < count; i++) {
            ByteBuffer rec = recs.get(i) == null ? null : ByteBuffer.wrap(recs.get(i));
            int cr = int32(rec, 0) - 1;
            boolean has = cr >= 0;
            int cat = has ? int32(rec, 4) - 1 : -1;
            StoreBackendAccess.videoRow(out, i, ids[i], has, cr, cat, has ? int32(rec, 8) - 1 : -1,
                    has ? int32(rec, 12) : 0, has ? int64(rec, 16) : 0L);
            long landmark = int64(rec, 24);
            double fh = landmark == 0 ? 0.0 : Math.exp((double) (landmark - now) * RATE_HOUR);
            double fd = landmark == 0 ? 0.0 : Math.exp((double) (landmark - now) * RATE_DAY);
            for (int s = 0; s < totals.length; s++) {
                totals[s] = int64(rec, 32 + 8 * s);
                double hour = s < 4 ? float64(rec, 72 + 8 * s) * fh : 0;
                double day = s < 4 ? float64(rec, 104 + 8 * s) * fd : 0;
                StoreBackendAccess.videoSignal(out, i, s, hour, day, totals[s]);
            }
            ByteBuffer catRec = categories.record(cat);
            long imp = totals[0];
            double mu = prior(catRec, overall, 2);
            long lv = Math.min(totals[2], imp);
            double alpha = kappa * mu + lv;
            double beta = kappa * (1 - mu) + (imp - lv);
            ByteBuffer crRec = creators.record(cr);
            double creatorLv = cr < 0 ? globalLv : smoothed(int64(crRec, 16), int64(crRec, 0), globalLv);
            StoreBackendAccess.videoRates(out, i, smoothed(totals[1], imp, prior(catRec, overall, 1)),
                    alpha / (alpha + beta), smoothed(totals[3], imp, prior(catRec, overall, 3)), alpha, beta,
                    float64(rec, 72 + 16) * fh * LN2, uploadsPerDay(crRec, now), creatorLv);
        }
    }

    /** Laplace-smoothed group rate of {@code signal} per impression; the overall rate when the group has none. */
    private static double prior(ByteBuffer group, ByteBuffer overall, int signal) {
        ByteBuffer src = int64(group, 0) > 0 ? group : overall;
        long n = int64(src, 0);
        long s = int64(src, 8 * signal);
        return (Math.min(s, n) + 1.0) / (n + 2.0);
    }

    private double uploadsPerDay(ByteBuffer creator, long now) {
        long landmark = int64(creator, 32);
        if (landmark == 0) {
            return 0.0;
        }
        double decayed = float64(creator, 40) * Math.exp((double) (landmark - now) * uploadRate);
        return decayed * uploadRate * 86_400_000L;
    }

    private double smoothed(long successes, long trials, double mu) {
        return (Math.min(successes, trials) + kappa * mu) / (trials + kappa);
    }

    static int int32(ByteBuffer b, int at) {
        return b == null || b.limit() < at + 4 ? 0 : b.getInt(at);
    }

    static long int64(ByteBuffer b, int at) {
        return b == null || b.limit() < at + 8 ? 0L : b.getLong(at);
    }

    static double float64(ByteBuffer b, int at) {
        return b == null || b.limit() < at + 8 ? 0.0 : b.getDouble(at);
    }

    /** Statistics records of one group kind: which ids are wanted, which were fetched, and their records. */
    private static final class Groups {
        private final String kind;
        private final Int2IntOpenHashMap slot = new Int2IntOpenHashMap();
        private final IntArrayList pending = new IntArrayList();
        private final List<ByteBuffer> records = new ArrayList<>();
        private Response<List<byte[]>> inFlight;

        Groups(String kind) {
            this.kind = kind;
            slot.defaultReturnValue(-1);
        }

        void want(int id) {
            if (id >= 0 && slot.putIfAbsent(id, records.size() + pending.size()) == -1) {
                pending.add(id);
            }
        }

        boolean missing() {
            return !pending.isEmpty();
        }

        void request(AbstractPipeline p, RedisKeys keys) {
            if (pending.isEmpty()) {
                return;
            }
            byte[][] k = new byte[pending.size()][];
            for (int i = 0; i < k.length; i++) {
                k[i] = keys.key(kind + pending.getInt(i));
            }
            inFlight = p.mget(k);
        }

        void collect() {
            if (inFlight == null) {
                return;
            }
            for (byte[] b : inFlight.get()) {
                records.add(b == null ? null : ByteBuffer.wrap(b));
            }
            pending.clear();
            inFlight = null;
        }

        ByteBuffer record(int id) {
            int s = id < 0 ? -1 : slot.get(id);
            return s < 0 ? null : records.get(s);
        }
    }
}
