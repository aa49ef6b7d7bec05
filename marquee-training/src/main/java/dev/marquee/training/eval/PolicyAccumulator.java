package dev.marquee.training.eval;

import java.util.BitSet;

/**
 * Accumulates one policy's pages, user by user, into {@link PolicyMetrics}. The page is the first
 * {@code pageSize} entries of the list handed in; an empty page still counts for accuracy (as zeros).
 */
public final class PolicyAccumulator {
    static final long FRESH_MILLIS = 48 * 3_600_000L;

    private final CatalogueFacts facts;
    private final int pageSize;
    private final long cutoffMillis;
    private final BitSet shown = new BitSet();
    private final BitSet creators = new BitSet(), categories = new BitSet();
    private double recall10, recall20, ndcg10, ndcg20, mrr, hits, creatorDiversity, categoryDiversity, novelty, rank;
    private long slots, fresh;
    private int users, pages;

    public PolicyAccumulator(CatalogueFacts facts, int pageSize, long cutoffMillis) {
        if (pageSize < 20) {
            throw new IllegalArgumentException("pageSize must be >= 20 (Recall@20 and NDCG@20 are reported), got " + pageSize);
        }
        this.facts = facts;
        this.pageSize = pageSize;
        this.cutoffMillis = cutoffMillis;
    }

    /** Adds one user's list (dense ids, best first); {@code relevant} may hold ids outside the catalogue. */
    public void add(int[] ranked, int length, BitSet relevant) {
        int n = Math.min(length, pageSize);
        recall10 += RankedListMetrics.recall(ranked, n, relevant, 10);
        recall20 += RankedListMetrics.recall(ranked, n, relevant, 20);
        ndcg10 += RankedListMetrics.ndcg(ranked, n, relevant, 10);
        ndcg20 += RankedListMetrics.ndcg(ranked, n, relevant, 20);
        mrr += RankedListMetrics.reciprocalRank(ranked, n, relevant, pageSize);
        hits += RankedListMetrics.hit(ranked, n, relevant, pageSize);
        users++;
        if (n == 0) {
            return;
        }
        creators.clear();
        categories.clear();
        for (int i = 0; i < n; i++) {
            int v = ranked[i];
            if (!facts.contains(v)) {
                throw new IllegalArgumentException("policy recommended video " + v + ", which is not in the servable catalogue");
            }
            shown.set(v);
            creators.set(facts.creator()[v]);
            categories.set(facts.category()[v]);
            rank += facts.popularityRank()[v];
            novelty += facts.size() == 1 ? 0 : (double) facts.popularityRank()[v] / (facts.size() - 1);
            fresh += cutoffMillis - facts.uploadedAt()[v] < FRESH_MILLIS ? 1 : 0;
            slots++;
        }
        creatorDiversity += (double) creators.cardinality() / n;
        categoryDiversity += (double) categories.cardinality() / n;
        pages++;
    }

    public PolicyMetrics result() {
        if (users == 0) {
            throw new IllegalStateException("no user was evaluated");
        }
        double u = users, p = Math.max(1, pages), s = Math.max(1, slots);
        return new PolicyMetrics(recall10 / u, recall20 / u, ndcg10 / u, ndcg20 / u, mrr / u, hits / u,
                (double) shown.cardinality() / facts.servableCount(), creatorDiversity / p, categoryDiversity / p, novelty / s,
                rank / s, fresh / s, users);
    }
}
