package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One request's greedy diversity pass (the algorithm is described on {@link CreatorDiversitySelector}).
 * Primitive per-request arrays indexed by score rank; creators are remapped to request-local keys so the
 * per-page counts are an array, not a map.
 */
final class DiversityPass {
    private static final String[] RULE = {"", "category run", "creator window", "creator page cap"};
    private static final String[] RELAXED = {"", "category run", "category run + creator window",
            "all rules", "all rules + exploration slot"};

    private final RerankConfig config;
    private final List<Candidate> ranked;
    private final int n;
    private final int page;
    private final int[] creator;
    private final int[] category;
    private final int[] slot;
    private final int[] pinned;
    private final boolean[] used;
    private final byte[] deferred;
    private final int[] pageCount;
    private final int[] placed;
    private final int[] creatorAt;
    private final int[] categoryAt;
    private final SimilarityPenalty similarity;
    private int head;

    DiversityPass(RerankConfig config, List<Candidate> ranked, int page, int[] creatorIds, int[] categories,
                  int[] slots, SimilarityPenalty similarity) {
        this.config = config;
        this.ranked = ranked;
        this.n = ranked.size();
        this.page = page;
        this.creator = CreatorKeys.remap(creatorIds, n);
        this.category = categories;
        this.slot = slots;
        this.similarity = similarity;
        this.used = new boolean[n];
        this.deferred = new byte[n];
        this.pageCount = new int[n];
        this.placed = new int[page];
        this.creatorAt = new int[page];
        this.categoryAt = new int[page];
        int pins = 0;
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            if (slots[i] >= 0) {
                p[pins++] = i;
            }
        }
        this.pinned = Arrays.copyOf(p, pins);
    }

    List<Candidate> run(boolean explain, String who) {
        for (int p = 0; p < page; p++) {
            int level = 0;
            int chosen = find(p, 0);
            while (chosen < 0) {
                chosen = find(p, ++level);
            }
            place(chosen, p);
            Candidate c = ranked.get(chosen);
            if (level > 0) {
                c.decide(who + ": position " + p + " relaxed " + RELAXED[level]);
            }
            if (explain && deferred[chosen] != 0 && chosen != p) {
                c.decide(who + ": rank " + chosen + " deferred to position " + p + " by " + RULE[deferred[chosen]]);
            }
        }
        List<Candidate> out = new ArrayList<>(n);
        for (int p = 0; p < page; p++) {
            out.add(ranked.get(placed[p]));
        }
        for (int i = 0; i < n; i++) {
            if (!used[i]) {
                out.add(ranked.get(i));
                if (explain && deferred[i] != 0 && i < page) {
                    ranked.get(i).decide(who + ": rank " + i + " deferred off the page by " + RULE[deferred[i]]);
                }
            }
        }
        return out;
    }

    /** Level 0 applies every rule; 1 drops the category run; 2 also the window; 3 all; 4 also the slot. */
    private int find(int p, int level) {
        for (int i : pinned) {
            if (!used[i] && (slot[i] <= p || level == 4) && allowed(i, p, level)) {
                return i;
            }
        }
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        int compared = 0;
        for (int i = head; i < n; i++) {
            if (used[i] || slot[i] >= 0 || !allowed(i, p, level)) {
                continue;
            }
            if (similarity == null) {
                return i;
            }
            double value = ranked.get(i).score() - similarity.penalty(i, placed, p);
            if (value > bestValue) {
                bestValue = value;
                best = i;
            }
            if (++compared == config.mmrLookahead()) {
                break;
            }
        }
        return best;
    }

    private boolean allowed(int i, int p, int level) {
        int cr = creator[i];
        if (cr >= 0 && level < 3 && pageCount[cr] >= config.maxPerCreatorPerPage()) {
            return defer(i, level, 3);
        }
        if (cr >= 0 && level < 2) {
            int count = 0;
            for (int q = Math.max(0, p - config.creatorWindow() + 1); q < p; q++) {
                count += creatorAt[q] == cr ? 1 : 0;
            }
            if (count >= config.maxPerCreatorInWindow()) {
                return defer(i, level, 2);
            }
        }
        int cat = category[i];
        int m = config.maxSameCategoryRun();
        if (cat >= 0 && level < 1 && p >= m) {
            boolean run = true;
            for (int q = p - m; q < p && run; q++) {
                run = categoryAt[q] == cat;
            }
            if (run) {
                return defer(i, level, 1);
            }
        }
        return true;
    }

    private boolean defer(int i, int level, int rule) {
        if (level == 0 && deferred[i] == 0) {
            deferred[i] = (byte) rule;
        }
        return false;
    }

    private void place(int i, int p) {
        used[i] = true;
        placed[p] = i;
        creatorAt[p] = creator[i];
        categoryAt[p] = category[i];
        if (creator[i] >= 0) {
            pageCount[creator[i]]++;
        }
        while (head < n && used[head]) {
            head++;
        }
    }
}
