package dev.marquee.features;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Weighted Space-Saving summary (Metwally, Agrawal and El Abbadi, "Efficient Computation of Frequent and
 * Top-k Elements in Data Streams", ICDT 2005) over forward-decayed weights ({@link Decay}).
 *
 * <p>Holds at most {@code capacity} (item, count) pairs in a binary min-heap on count. An unseen item that
 * arrives when the summary is full replaces the minimum and inherits its count plus its own weight, so
 * memory is bounded by design, counts overestimate by at most the inherited minimum, and every item whose
 * decayed weight exceeds total/capacity is guaranteed to be present. All items share one landmark, so decay
 * never reorders the heap and renormalisation rescales every count by the same factor. Arrays grow lazily,
 * by half, up to capacity (doubling left ~30% of a 1M-video co-watch graph's slots empty, issue #13); above {@value #INDEX_THRESHOLD} slots a hash index maps item to heap slot, below it a
 * linear scan is smaller and as fast. Every method synchronizes on this: one writer, many readers.
 */
final class SpaceSavingTopK {
    static final int INDEX_THRESHOLD = 128;

    private final int capacity;
    private final Decay decay;
    private int[] items;
    private double[] counts;
    private int size;
    private long landmark = Decay.UNSET;
    private final Int2IntOpenHashMap index;

    SpaceSavingTopK(int capacity, Decay decay) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.decay = decay;
        int initial = Math.min(capacity, 4);
        this.items = new int[initial];
        this.counts = new double[initial];
        this.index = capacity > INDEX_THRESHOLD ? new Int2IntOpenHashMap() : null;
        if (index != null) {
            index.defaultReturnValue(-1);
        }
    }

    /** Adds {@code weight} (undecayed, at event time {@code t}) to {@code item}. */
    synchronized void add(int item, long t, double weight) {
        if (landmark == Decay.UNSET) {
            landmark = t;
        } else if (decay.needsRenormalize(t, landmark)) {
            double f = decay.factor(t, landmark);
            for (int i = 0; i < size; i++) {
                counts[i] *= f;
            }
            landmark = t;
        }
        double w = weight * decay.weight(t, landmark);
        int pos = find(item);
        if (pos >= 0) {
            counts[pos] += w;
            siftDown(pos);
        } else if (size < capacity) {
            if (size == items.length) {
                int len = Math.min(capacity, items.length + (items.length >> 1));
                items = java.util.Arrays.copyOf(items, len);
                counts = java.util.Arrays.copyOf(counts, len);
            }
            place(size, item, w);
            siftUp(size++);
        } else {
            if (index != null) {
                index.remove(items[0]);
            }
            place(0, item, counts[0] + w);
            siftDown(0);
        }
    }

    /** Decayed count of {@code item} at {@code now}, 0 when it is not held. */
    synchronized double get(int item, long now) {
        int pos = find(item);
        return pos < 0 ? 0.0 : counts[pos] * decay.factor(now, landmark);
    }

    /**
     * Writes up to {@code n} items by decreasing count (ties: smaller item first) with their decayed counts
     * at {@code now} into the outputs from {@code at}; returns how many were written.
     */
    synchronized int top(int n, long now, int[] outItems, double[] outScores, int at) {
        int k = Math.min(n, size);
        if (k <= 0) {
            return 0;
        }
        int[] best = selectBest(k);
        double f = decay.factor(now, landmark);
        for (int i = 0; i < k; i++) {
            outItems[at + i] = items[best[i]];
            outScores[at + i] = counts[best[i]] * f;
        }
        return k;
    }

    /**
     * Heap slots of the {@code k} largest counts, best first. A bounded min-heap of slots over one pass costs
     * O(size + k log k) instead of sorting every slot: feeds ask for a few hundred of a few thousand per request.
     */
    private int[] selectBest(int k) {
        int[] heap = new int[k];
        int filled = 0;
        for (int slot = 0; slot < size; slot++) {
            if (filled < k) {
                heap[filled] = slot;
                up(heap, filled++);
            } else if (better(slot, heap[0])) {
                heap[0] = slot;
                down(heap, 0, k);
            }
        }
        for (int end = k - 1; end > 0; end--) {
            int worst = heap[0];
            heap[0] = heap[end];
            heap[end] = worst;
            down(heap, 0, end);
        }
        return heap;
    }

    /** Larger count first; ties: smaller item first. */
    private boolean better(int a, int b) {
        int cmp = Double.compare(counts[a], counts[b]);
        return cmp != 0 ? cmp > 0 : items[a] < items[b];
    }

    private void up(int[] heap, int pos) {
        int slot = heap[pos];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!better(heap[parent], slot)) {
                break;
            }
            heap[pos] = heap[parent];
            pos = parent;
        }
        heap[pos] = slot;
    }

    private void down(int[] heap, int pos, int n) {
        int slot = heap[pos];
        int half = n >>> 1;
        while (pos < half) {
            int child = 2 * pos + 1;
            if (child + 1 < n && better(heap[child], heap[child + 1])) {
                child++;
            }
            if (!better(slot, heap[child])) {
                break;
            }
            heap[pos] = heap[child];
            pos = child;
        }
        heap[pos] = slot;
    }

    synchronized int size() {
        return size;
    }

    int capacity() {
        return capacity;
    }

    synchronized long estimateBytes() {
        long b = 64 + 16L + 4L * items.length + 16L + 8L * counts.length;
        return index == null ? b : b + 64 + 2L * 9 * index.size();
    }

    synchronized void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(size);
        out.writeLong(landmark);
        for (int i = 0; i < size; i++) {
            out.writeInt(items[i]);
            out.writeDouble(counts[i]);
        }
    }

    synchronized void readFrom(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > capacity) {
            throw new IOException("snapshot corrupt: top-k size " + n + " outside [0, " + capacity + "]");
        }
        landmark = in.readLong();
        items = new int[Math.max(n, Math.min(capacity, 4))];
        counts = new double[items.length];
        size = n;
        for (int i = 0; i < n; i++) {
            place(i, in.readInt(), in.readDouble());
        }
    }

    private int find(int item) {
        if (index != null) {
            return index.get(item);
        }
        for (int i = 0; i < size; i++) {
            if (items[i] == item) {
                return i;
            }
        }
        return -1;
    }

    private void siftUp(int pos) {
        int item = items[pos];
        double c = counts[pos];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (counts[parent] <= c) {
                break;
            }
            place(pos, items[parent], counts[parent]);
            pos = parent;
        }
        place(pos, item, c);
    }

    private void siftDown(int pos) {
        int item = items[pos];
        double c = counts[pos];
        int half = size >>> 1;
        while (pos < half) {
            int child = 2 * pos + 1;
            if (child + 1 < size && counts[child + 1] < counts[child]) {
                child++;
            }
            if (c <= counts[child]) {
                break;
            }
            place(pos, items[child], counts[child]);
            pos = child;
        }
        place(pos, item, c);
    }

    private void place(int pos, int item, double c) {
        items[pos] = item;
        counts[pos] = c;
        if (index != null) {
            index.put(item, pos);
        }
    }
}
