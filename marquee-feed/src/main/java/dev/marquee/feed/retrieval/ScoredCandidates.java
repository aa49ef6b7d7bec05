package dev.marquee.feed.retrieval;

import dev.marquee.core.Candidate;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns parallel (video, score) columns into a source's answer: the best {@code k} as candidates, best first,
 * ties broken by the smaller id so results are deterministic. Sorting an index array with a primitive
 * comparator keeps boxing out of the hot path.
 */
final class ScoredCandidates {
    private ScoredCandidates() {
    }

    static List<Candidate> top(int[] videos, double[] scores, int n, int k, String source) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IntArrays.quickSort(order, 0, n, (a, b) -> {
            int c = Double.compare(scores[b], scores[a]);
            return c != 0 ? c : Integer.compare(videos[a], videos[b]);
        });
        int m = Math.min(n, k);
        List<Candidate> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            out.add(Candidate.from(videos[order[i]], source, (float) scores[order[i]]));
        }
        return out;
    }
}
