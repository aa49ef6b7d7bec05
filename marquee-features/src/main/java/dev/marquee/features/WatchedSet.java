package dev.marquee.features;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's watched set (long views): a scalable Bloom filter (Almeida, Baquero, Preguiça and Hutchison,
 * "Scalable Bloom Filters", IPL 2007) built from Guava {@link BloomFilter} stages, so it is sized for the
 * user's history instead of for the heaviest user. Stage i holds {@code initial·4^i} videos at false-positive
 * rate {@code target/2 · 2^-i}; a stage is added when the last one reaches its capacity. The union's rate is
 * at most {@code Σ target/2^(i+1) < target} at any fill up to the last stage's capacity. No false negatives.
 *
 * <p>Thread-safety: {@link #add} runs on the single writer (under the user's lock); {@link #mightContain}
 * may run concurrently from any thread: the stage list is replaced copy-on-write and Guava's bit array is
 * lock-free.
 */
public final class WatchedSet {
    static final WatchedSet EMPTY = new WatchedSet(1, 0.01);
    private static final int GROWTH = 4;

    private final int initialCapacity;
    private final double targetFpp;
    private volatile List<BloomFilter<Integer>> stages = List.of();
    private int lastCount;
    private int inserted;

    WatchedSet(int initialCapacity, double targetFpp) {
        this.initialCapacity = initialCapacity;
        this.targetFpp = targetFpp;
    }

    /** True when the user probably watched {@code video} for more than 30 s; false means certainly not. */
    public boolean mightContain(int video) {
        List<BloomFilter<Integer>> s = stages;
        for (int i = 0, n = s.size(); i < n; i++) {
            if (s.get(i).mightContain(video)) {
                return true;
            }
        }
        return false;
    }

    /** Distinct videos inserted (those a stage did not already report as present). */
    public int insertedCount() {
        return inserted;
    }

    void add(int video) {
        if (mightContain(video)) {
            return;
        }
        List<BloomFilter<Integer>> s = stages;
        if (s.isEmpty() || lastCount >= stageCapacity(s.size() - 1)) {
            List<BloomFilter<Integer>> grown = new ArrayList<>(s);
            grown.add(BloomFilter.create(Funnels.integerFunnel(), stageCapacity(s.size()), stageFpp(s.size())));
            stages = List.copyOf(grown);
            lastCount = 0;
        }
        stages.getLast().put(video);
        lastCount++;
        inserted++;
    }

    private long stageCapacity(int stage) {
        return (long) initialCapacity * (long) Math.pow(GROWTH, stage);
    }

    private double stageFpp(int stage) {
        return targetFpp / 2 / Math.pow(2, stage);
    }

    long estimateBytes() {
        long b = 48;
        double ln2sq = Math.log(2) * Math.log(2);
        for (int i = 0; i < stages.size(); i++) {
            double bits = -stageCapacity(i) * Math.log(stageFpp(i)) / ln2sq;
            b += 160 + (long) Math.ceil(bits / 64) * 8;
        }
        return b;
    }

    void writeTo(DataOutputStream out) throws IOException {
        List<BloomFilter<Integer>> s = stages;
        out.writeInt(s.size());
        out.writeInt(lastCount);
        out.writeInt(inserted);
        for (BloomFilter<Integer> f : s) {
            f.writeTo(out);
        }
    }

    static WatchedSet readFrom(DataInputStream in, int initialCapacity, double targetFpp) throws IOException {
        WatchedSet w = new WatchedSet(initialCapacity, targetFpp);
        int n = in.readInt();
        if (n < 0 || n > 16) {
            throw new IOException("snapshot corrupt: " + n + " Bloom stages");
        }
        w.lastCount = in.readInt();
        w.inserted = in.readInt();
        List<BloomFilter<Integer>> s = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            s.add(BloomFilter.readFrom(in, Funnels.integerFunnel()));
        }
        w.stages = List.copyOf(s);
        return w;
    }
}
