package dev.marquee.sim;

/**
 * Bounded top-K selection over (id, score) pairs with a binary min-heap in two parallel arrays, so a
 * chart of K videos is picked from N in O(N log K) without boxing. Ties prefer the lower id, which keeps
 * the result independent of scan order.
 */
final class TopScores {
    private TopScores() {
    }

    /** Offers a pair to a heap holding {@code size} entries; returns the new size. */
    static int offer(int[] ids, double[] scores, int size, int id, double score) {
        if (size < ids.length) {
            ids[size] = id;
            scores[size] = score;
            siftUp(ids, scores, size);
            return size + 1;
        }
        if (worse(scores[0], ids[0], score, id)) {
            ids[0] = id;
            scores[0] = score;
            siftDown(ids, scores, size);
        }
        return size;
    }

    /** The heap's ids, best first. */
    static int[] sortedDescending(int[] ids, double[] scores, int size) {
        int[] out = new int[size];
        for (int n = size; n > 0; n--) {
            out[n - 1] = ids[0];
            ids[0] = ids[n - 1];
            scores[0] = scores[n - 1];
            siftDown(ids, scores, n - 1);
        }
        return out;
    }

    /** True when (scoreA, idA) ranks below (scoreB, idB). */
    private static boolean worse(double scoreA, int idA, double scoreB, int idB) {
        return scoreA < scoreB || (scoreA == scoreB && idA > idB);
    }

    private static void siftUp(int[] ids, double[] scores, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(scores[i], ids[i], scores[parent], ids[parent])) {
                return;
            }
            swap(ids, scores, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] ids, double[] scores, int size) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && worse(scores[left + 1], ids[left + 1], scores[left], ids[left]) ? left + 1 : left;
            if (!worse(scores[child], ids[child], scores[i], ids[i])) {
                return;
            }
            swap(ids, scores, i, child);
            i = child;
        }
    }

    private static void swap(int[] ids, double[] scores, int a, int b) {
        int id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        double s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
    }
}
