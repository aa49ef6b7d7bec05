package dev.marquee.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * A user's watched set (long views): a scalable Bloom filter (Almeida, Baquero, Preguiça and Hutchison,
 * "Scalable Bloom Filters", IPL 2007) built from Bloom-filter stages, so it is sized for the
 * user's history instead of for the heaviest user. Stage i holds {@code initial·4^i} videos at false-positive
 * rate {@code target/2 · 2^-i}; a stage is added when the last one reaches its capacity. The union's rate is
 * at most {@code Σ target/2^(i+1) < target} at any fill up to the last stage's capacity. No false negatives.
 * Stages are {@link IntBloomFilter}s: Guava's bits and serial form, probed without boxing the key.
 *
 * <p>Thread-safety: {@link #add} runs on the single writer (under the user's lock); {@link #mightContain}
 * may run concurrently from any thread: the stage array is replaced copy-on-write and the stages' bit arrays are
 * lock-free.
 */
public final class WatchedSet {
    static final WatchedSet EMPTY = new WatchedSet(1, 0.01);
    private static final int GROWTH = 4;

    private final int initialCapacity;
    private final double targetFpp;
    private volatile IntBloomFilter[] stages = new IntBloomFilter[0];
    private int lastCount;
    private int inserted;

    WatchedSet(int initialCapacity, double targetFpp) {
        this.initialCapacity = initialCapacity;
        this.targetFpp = targetFpp;
    }

    /** True when the user probably watched {@code video} for more than 30 s; false means certainly not. */
    public boolean mightContain(int video) {
        for (IntBloomFilter stage : stages) {
            if (stage.mightContain(video)) {
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
        IntBloomFilter[] s = stages;
        if (s.length == 0 || lastCount >= stageCapacity(s.length - 1)) {
            IntBloomFilter[] grown = Arrays.copyOf(s, s.length + 1);
            grown[s.length] = IntBloomFilter.create(stageCapacity(s.length), stageFpp(s.length));
            stages = grown; // copy-on-write: readers see the old or the new array, both complete
            s = grown;
            lastCount = 0;
        }
        s[s.length - 1].put(video);
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
        for (int i = 0; i < stages.length; i++) {
            double bits = -stageCapacity(i) * Math.log(stageFpp(i)) / ln2sq;
            b += 160 + (long) Math.ceil(bits / 64) * 8;
        }
        return b;
    }

    void writeTo(DataOutputStream out) throws IOException {
        IntBloomFilter[] s = stages;
        out.writeInt(s.length);
        out.writeInt(lastCount);
        out.writeInt(inserted);
        for (IntBloomFilter f : s) {
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
        IntBloomFilter[] s = new IntBloomFilter[n];
        for (int i = 0; i < n; i++) {
            s[i] = IntBloomFilter.readFrom(in);
        }
        w.stages = s;
        return w;
    }
}
