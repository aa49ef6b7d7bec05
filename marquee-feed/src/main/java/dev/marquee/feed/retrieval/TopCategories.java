package dev.marquee.feed.retrieval;

import dev.marquee.features.Affinities;

/**
 * The user's strongest category affinities with each one's share of their sum, the bias trending and fresh
 * uploads apply. Affinities arrive sorted strongest first, so this is a prefix.
 *
 * @param ids    dense category ids, strongest first
 * @param shares affinity / Σ affinities of the kept categories, in (0, 1]
 */
record TopCategories(int[] ids, double[] shares) {
    static TopCategories of(Affinities categories, int max) {
        int n = Math.min(max, categories.size());
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += Math.max(0, categories.scores()[i]);
        }
        int[] ids = new int[n];
        double[] shares = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = categories.ids()[i];
            shares[i] = total > 0 ? Math.max(0, categories.scores()[i]) / total : 1.0 / n;
        }
        return new TopCategories(ids, shares);
    }

    int size() {
        return ids.length;
    }
}
