package dev.marquee.features.redis;

import dev.marquee.features.NeighbourBatch;
import dev.marquee.features.StoreBackendAccess;
import dev.marquee.features.TopN;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * Reads the forward-decayed sorted sets (popularity, trending, co-watch; see {@link EpochDecay}) and the recent
 * uploads, one pipelined round trip per call including the applied offsets. A list is the merge of its current
 * and previous epoch, each scaled to the read time, ordered by score descending then id ascending (the in-memory
 * order). Writers keep each set at twice the in-memory capacity, so a trimmed newcomer competes with the weakest
 * of 2·capacity items instead of Space-Saving's inherited minimum.
 */
final class TopListReader {
    private final RedisGateway redis;
    private final RedisKeys keys;

    TopListReader(RedisGateway redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Top {@code min(n, capacity)} of list {@code base}, scores decayed to {@code now} and multiplied by {@code scale}. */
    TopN top(String base, EpochDecay decay, int n, int capacity, long now, double scale) {
        int m = Math.min(n, capacity);
        long e = decay.epoch(now);
        Object[] got = redis.read("read top list " + base, c -> {
            try (AbstractPipeline p = c.pipelined()) {
                Response<List<Tuple>> cur = p.zrevrangeWithScores(keys.epochSet(base, e), 0, Math.max(0, m - 1L));
                Response<List<Tuple>> prev = p.zrevrangeWithScores(keys.epochSet(base, e - 1), 0, Math.max(0, m - 1L));
                Response<List<byte[]>> applied = p.hvals(keys.applied());
                p.sync();
                return new Object[] {cur.get(), prev.get(), applied.get()};
            }
        });
        long offset = offset(got[2]);
        if (m <= 0) {
            return new TopN(new int[0], new double[0], offset);
        }
        int[] ids = new int[2 * m];
        double[] scores = new double[2 * m];
        int k = merge(tuples(got[0]), decay.factor(now, e), tuples(got[1]), decay.factor(now, e - 1), m, ids, scores, 0);
        int[] v = java.util.Arrays.copyOf(ids, k);
        double[] s = java.util.Arrays.copyOf(scores, k);
        for (int i = 0; i < k; i++) {
            s[i] *= scale;
        }
        return new TopN(v, s, offset);
    }

    /** Fills {@code out} with the co-watch neighbours of {@code seeds[0..count)}. */
    void coWatch(int[] seeds, int count, int perSeed, EpochDecay decay, long now, NeighbourBatch out) {
        long e = decay.epoch(now);
        Object[] got = redis.read("read co-watch neighbours", c -> {
            try (AbstractPipeline p = c.pipelined()) {
                Object[] r = new Object[2 * count + 1];
                for (int i = 0; i < count; i++) {
                    r[2 * i] = p.zrevrangeWithScores(keys.epochSet("cw:" + seeds[i], e), 0, perSeed - 1L);
                    r[2 * i + 1] = p.zrevrangeWithScores(keys.epochSet("cw:" + seeds[i], e - 1), 0, perSeed - 1L);
                }
                r[2 * count] = p.hvals(keys.applied());
                p.sync();
                for (int i = 0; i < r.length; i++) {
                    r[i] = ((Response<?>) r[i]).get();
                }
                return r;
            }
        });
        int[] ids = new int[2 * perSeed];
        double[] w = new double[2 * perSeed];
        for (int i = 0; i < count; i++) {
            int k = merge(tuples(got[2 * i]), decay.factor(now, e), tuples(got[2 * i + 1]), decay.factor(now, e - 1),
                    perSeed, ids, w, 0);
            for (int j = 0; j < k; j++) {
                StoreBackendAccess.neighbour(out, i, j, ids[j], w[j]);
            }
            StoreBackendAccess.seed(out, i, seeds[i], k);
        }
        StoreBackendAccess.finishNeighbours(out, count, offset(got[2 * count]));
    }

    /** Newest uploads of a category: scores are upload times (ties: smaller video id first). */
    TopN uploads(int category, int n) {
        Object[] got = redis.read("read recent uploads", c -> {
            try (AbstractPipeline p = c.pipelined()) {
                Response<List<Tuple>> list = p.zrevrangeWithScores(keys.uploads(category), 0, Math.max(0, n - 1L));
                Response<List<byte[]>> applied = p.hvals(keys.applied());
                p.sync();
                return new Object[] {list.get(), applied.get()};
            }
        });
        List<Tuple> list = n <= 0 ? List.of() : tuples(got[0]);
        int[] ids = new int[list.size()];
        double[] s = new double[list.size()];
        int k = merge(list, 1.0, List.of(), 1.0, list.size(), ids, s, 0);
        return new TopN(ids, s, offset(got[1]));
    }

    /** Sums both lists per id (each scaled), sorts score desc / id asc, writes the best {@code max}; returns how many. */
    private static int merge(List<Tuple> a, double fa, List<Tuple> b, double fb, int max, int[] ids, double[] scores, int at) {
        Int2DoubleOpenHashMap sum = new Int2DoubleOpenHashMap(a.size() + b.size());
        for (Tuple t : a) {
            sum.addTo(Integer.parseInt(t.getElement()), t.getScore() * fa);
        }
        for (Tuple t : b) {
            sum.addTo(Integer.parseInt(t.getElement()), t.getScore() * fb);
        }
        int[] order = sum.keySet().toIntArray();
        IntArrays.quickSort(order, (x, y) -> {
            int cmp = Double.compare(sum.get(y), sum.get(x));
            return cmp != 0 ? cmp : Integer.compare(x, y);
        });
        int k = Math.min(max, order.length);
        for (int i = 0; i < k; i++) {
            ids[at + i] = order[i];
            scores[at + i] = sum.get(order[i]);
        }
        return k;
    }

    @SuppressWarnings("unchecked")
    private static List<Tuple> tuples(Object o) {
        return (List<Tuple>) o;
    }

    @SuppressWarnings("unchecked")
    private static long offset(Object applied) {
        return AppliedOffsets.max((List<byte[]>) applied);
    }
}
