package dev.marquee.feed.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScoredCandidatesTest {
    @Test
    void top_ordersByScoreDescending_thenSmallerId_andKeepsTheFloatScore() {
        int[] videos = {7, 3, 9, 1, 4};
        double[] scores = {0.5, 0.5, -2.0, 3.25, 0.0};

        List<Candidate> top = ScoredCandidates.top(videos, scores, 5, 4, "s");

        assertThat(top).extracting(Candidate::video).containsExactly(1, 3, 7, 4);
        assertThat(top).extracting(c -> c.sourceScore("s")).containsExactly(3.25f, 0.5f, 0.5f, 0f);
    }

    @Test
    void top_agreesWithAComparatorSortOnRandomScores_includingNegativesZerosAndTies() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(0, 300);
            int[] videos = new int[n];
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                videos[i] = random.nextInt(0, 1_000_000);
                scores[i] = switch (random.nextInt(5)) {
                    case 0 -> 0.0;
                    case 1 -> -0.0;
                    case 2 -> random.nextInt(-3, 4); // many ties
                    case 3 -> -random.nextDouble() * 1e6;
                    default -> random.nextDouble() * 1e-3;
                };
            }
            int k = random.nextInt(1, 400);
            List<int[]> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(new int[] {i});
            }
            expected.sort(Comparator.<int[]>comparingDouble(e -> 0.0 - (float) scores[e[0]]) // -0 and 0 tie
                    .thenComparingInt(e -> videos[e[0]]));
            List<Candidate> got = ScoredCandidates.top(videos, scores, n, k, "s");

            assertThat(got).hasSize(Math.min(n, k));
            for (int i = 0; i < got.size(); i++) {
                int e = expected.get(i)[0];
                assertThat(got.get(i).video()).isEqualTo(videos[e]);
                assertThat(got.get(i).sourceScore("s")).isEqualTo((float) scores[e] + 0f);
            }
        }
    }

    @Test
    void keys_roundTripEveryFiniteFloat() {
        for (float f : new float[] {0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1f, -1f, Float.MAX_VALUE, -Float.MAX_VALUE}) {
            long key = ScoredCandidates.key(f, 42);
            assertThat(ScoredCandidates.score(key)).isEqualTo(f);
            assertThat(ScoredCandidates.video(key)).isEqualTo(42);
        }
        assertThat(ScoredCandidates.key(1f, 5)).isLessThan(ScoredCandidates.key(0.5f, 1));
        assertThat(ScoredCandidates.key(-0.5f, 5)).isLessThan(ScoredCandidates.key(-1f, 1));
        assertThat(ScoredCandidates.key(2f, 1)).isLessThan(ScoredCandidates.key(2f, 5));
    }
}
