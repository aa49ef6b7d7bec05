package dev.marquee.features;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Popularity and trending lists, each a weighted Space-Saving summary ({@link SpaceSavingTopK}) of long views:
 * <ul>
 * <li>segment popularity: score(v, s, now) = Σ over long views of v by users in segment s of
 *     2^(-(now - t)/h_pop), h_pop = {@link FeatureStoreConfig#popularityHalfLifeMillis()}; a long view counts in
 *     its user's FULL, COUNTRY_AGE, COUNTRY and GLOBAL segments (those its profile defines);</li>
 * <li>per-category popularity: the same score over all users, one list per category;</li>
 * <li>trending: velocity of long views, (ln 2 / h_tr)·Σ 2^(-(now - t)/h_tr) long views per hour with
 *     h_tr = 1 h (an exponentially weighted rate; the same value as the video's trending column), globally
 *     and per category.</li>
 * </ul>
 * Heavy hitters are exact up to Space-Saving's error bound (capacity in config). Segment lists are created on
 * first use; the segment map is copy-on-write (new segments are rare), so readers never see it mid-rehash.
 */
final class PopularityIndex {
    private static final long HOUR = 3_600_000L;
    private final FeatureStoreConfig config;
    private final Decay popularity;
    private final Decay trending;
    private volatile Long2ObjectOpenHashMap<SpaceSavingTopK> segments = new Long2ObjectOpenHashMap<>();
    private volatile SpaceSavingTopK[] categoryPopular = new SpaceSavingTopK[0];
    private volatile SpaceSavingTopK[] categoryTrending = new SpaceSavingTopK[0];
    private final SpaceSavingTopK globalTrending;

    PopularityIndex(FeatureStoreConfig config) {
        this.config = config;
        this.popularity = new Decay(config.popularityHalfLifeMillis());
        this.trending = VideoColumns.HOUR;
        this.globalTrending = new SpaceSavingTopK(config.segmentCapacity(), trending);
    }

    /** Segment code: level in the top bits, then country, device, age band (+1 so -1 encodes as 0). */
    static long code(SegmentKey.Level level, int country, int device, int ageBand) {
        return ((long) level.ordinal() << 60) | ((long) (country + 1) << 40) | ((long) (device + 1) << 20) | (ageBand + 1);
    }

    void onLongView(int video, int category, int country, int device, int ageBand, long t) {
        segment(code(SegmentKey.Level.GLOBAL, -1, -1, -1)).add(video, t, 1.0);
        if (country >= 0) {
            segment(code(SegmentKey.Level.COUNTRY, country, -1, -1)).add(video, t, 1.0);
            if (ageBand >= 0) {
                segment(code(SegmentKey.Level.COUNTRY_AGE, country, -1, ageBand)).add(video, t, 1.0);
                if (device >= 0) {
                    segment(code(SegmentKey.Level.FULL, country, device, ageBand)).add(video, t, 1.0);
                }
            }
        }
        globalTrending.add(video, t, 1.0);
        if (category >= 0) {
            if (category >= categoryPopular.length) {
                growCategories(category + 1);
            }
            categoryPopular[category].add(video, t, 1.0);
            categoryTrending[category].add(video, t, 1.0);
        }
    }

    private SpaceSavingTopK segment(long code) {
        SpaceSavingTopK k = segments.get(code);
        if (k == null) {
            Long2ObjectOpenHashMap<SpaceSavingTopK> copy = new Long2ObjectOpenHashMap<>(segments);
            k = new SpaceSavingTopK(config.segmentCapacity(), popularity);
            copy.put(code, k);
            segments = copy;
        }
        return k;
    }

    private void growCategories(int n) {
        SpaceSavingTopK[] pop = Arrays.copyOf(categoryPopular, n);
        SpaceSavingTopK[] tr = Arrays.copyOf(categoryTrending, n);
        for (int c = categoryPopular.length; c < n; c++) {
            pop[c] = new SpaceSavingTopK(config.categoryCapacity(), popularity);
            tr[c] = new SpaceSavingTopK(config.categoryCapacity(), trending);
        }
        categoryTrending = tr;
        categoryPopular = pop;
    }

    TopN segmentTop(long code, int n, long now, long offset) {
        return top(segments.get(code), n, now, offset, 1.0);
    }

    TopN categoryTop(int category, int n, long now, long offset) {
        SpaceSavingTopK[] c = categoryPopular;
        return top(category < c.length ? c[category] : null, n, now, offset, 1.0);
    }

    TopN trending(int category, int n, long now, long offset) {
        SpaceSavingTopK[] c = categoryTrending;
        SpaceSavingTopK k = category < 0 ? globalTrending : category < c.length ? c[category] : null;
        return top(k, n, now, offset, trending.toRate(1.0, HOUR));
    }

    private static TopN top(SpaceSavingTopK k, int n, long now, long offset, double scale) {
        if (k == null) {
            return TopN.empty(offset);
        }
        int[] v = new int[Math.min(n, k.capacity())];
        double[] s = new double[v.length];
        int size = k.top(v.length, now, v, s, 0);
        for (int i = 0; i < size; i++) {
            s[i] *= scale;
        }
        return TopN.trimmed(v, s, size, offset);
    }

    long estimateBytes() {
        long b = globalTrending.estimateBytes();
        for (SpaceSavingTopK k : segments.values()) {
            b += 32 + k.estimateBytes();
        }
        for (int c = 0; c < categoryPopular.length; c++) {
            b += categoryPopular[c].estimateBytes() + categoryTrending[c].estimateBytes();
        }
        return b;
    }

    void writeTo(DataOutputStream out) throws IOException {
        long[] keys = segments.keySet().toLongArray();
        LongArrays.quickSort(keys);
        out.writeInt(keys.length);
        for (long k : keys) {
            out.writeLong(k);
            segments.get(k).writeTo(out);
        }
        out.writeInt(categoryPopular.length);
        for (int c = 0; c < categoryPopular.length; c++) {
            categoryPopular[c].writeTo(out);
            categoryTrending[c].writeTo(out);
        }
        globalTrending.writeTo(out);
    }

    void readFrom(DataInputStream in) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            segment(in.readLong()).readFrom(in);
        }
        int cats = in.readInt();
        if (cats < 0) {
            throw new IOException("snapshot corrupt: category count " + cats);
        }
        growCategories(cats);
        for (int c = 0; c < cats; c++) {
            categoryPopular[c].readFrom(in);
            categoryTrending[c].readFrom(in);
        }
        globalTrending.readFrom(in);
    }
}
