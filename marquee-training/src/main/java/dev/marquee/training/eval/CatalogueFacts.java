package dev.marquee.training.eval;

import java.util.Arrays;

/**
 * What the list-level metrics need to know about each video, by the feature store's dense id: creator and
 * category (intra-list diversity), popularity rank before the holdout (novelty; 0 = most long views, ties by
 * lower id) and upload time (freshness). {@code size} counts every dense id; {@code servable} marks the
 * videos with metadata at the holdout start (the catalogue a policy may show), whose count is the
 * denominator of coverage.
 */
public record CatalogueFacts(int size, boolean[] servable, int[] creator, int[] category, int[] popularityRank,
                             long[] uploadedAt) {
    public CatalogueFacts {
        if (servable.length != size || creator.length != size || category.length != size
                || popularityRank.length != size || uploadedAt.length != size) {
            throw new IllegalArgumentException("every column must have " + size + " rows");
        }
        if (servableCount(servable) == 0) {
            throw new IllegalArgumentException("the catalogue has no servable video: nothing to evaluate");
        }
    }

    /** Videos a policy may show. */
    public int servableCount() {
        return servableCount(servable);
    }

    private static int servableCount(boolean[] servable) {
        int n = 0;
        for (boolean s : servable) {
            n += s ? 1 : 0;
        }
        return n;
    }

    /** Ranks {@code longViews} (by dense id) descending; ties keep the lower id first. */
    public static int[] ranksOf(int[] longViews) {
        int[] order = DescendingOrder.of(longViews);
        int[] rank = new int[longViews.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /** Dense ids by popularity, most popular first. */
    public int[] byPopularity() {
        int[] order = new int[size];
        for (int v = 0; v < size; v++) {
            order[popularityRank[v]] = v;
        }
        return order;
    }

    boolean contains(int video) {
        return video >= 0 && video < size && servable[video];
    }

    @Override
    public String toString() {
        return "CatalogueFacts[" + size + " videos, first ranks " + Arrays.toString(Arrays.copyOf(popularityRank, Math.min(5, size))) + "]";
    }
}
