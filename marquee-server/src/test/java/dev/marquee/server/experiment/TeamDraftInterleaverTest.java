package dev.marquee.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TeamDraftInterleaverTest {
    private final TeamDraftInterleaver interleaver = new TeamDraftInterleaver();

    @RepeatedTest(20)
    void interleave_alternatesPicksAndNeverDuplicates(org.junit.jupiter.api.RepetitionInfo rep) {
        int[] a = {1, 2, 3, 4, 5, 6, 7, 8}, b = {8, 3, 9, 1, 10, 11, 2, 12};
        var page = interleaver.interleave(a, b, 8, new SplittableRandom(rep.getCurrentRepetition()));
        assertThat(page.items()).hasSize(8).doesNotHaveDuplicates();
        int teamA = 0, teamB = 0;
        for (int k = 0; k < page.items().length; k++) {
            if (page.teams()[k] == TeamDraftInterleaver.TEAM_A) {
                teamA++;
            } else {
                teamB++;
            }
            // after every complete round the teams are equal, so they never differ by more than one
            assertThat(Math.abs(teamA - teamB)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void interleave_creditsEachPositionToTheRankerThatPickedIt() {
        int[] a = {1, 2, 3, 4}, b = {5, 6, 7, 8};
        var page = interleaver.interleave(a, b, 8, new SplittableRandom(7));
        for (int k = 0; k < page.items().length; k++) {
            int item = page.items()[k];
            boolean fromA = Arrays.stream(a).anyMatch(x -> x == item);
            assertThat(page.teams()[k]).isEqualTo(fromA ? TeamDraftInterleaver.TEAM_A : TeamDraftInterleaver.TEAM_B);
        }
        // disjoint rankings: each team's items appear in its ranker's order
        assertThat(Arrays.stream(page.items()).filter(x -> x <= 4).toArray()).containsExactly(1, 2, 3, 4);
        assertThat(Arrays.stream(page.items()).filter(x -> x > 4).toArray()).containsExactly(5, 6, 7, 8);
    }

    @Test
    void interleave_identicalRankingsGiveThatRanking() {
        int[] a = {4, 3, 2, 1};
        var page = interleaver.interleave(a, a.clone(), 4, new SplittableRandom(1));
        assertThat(page.items()).containsExactly(4, 3, 2, 1);
    }

    @Test
    void interleave_fillsFromTheOtherRankerWhenOneRunsOut() {
        var page = interleaver.interleave(new int[] {1}, new int[] {2, 3, 4}, 4, new SplittableRandom(3));
        assertThat(page.items()).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void credit_countsClicksPerTeamPerRequest() {
        List<ImpressionOutcome> o = List.of(
                outcome("r1", "E:a", true), outcome("r1", "E:b", false),
                outcome("r2", "E:a", false), outcome("r2", "E:b", true), outcome("r2", "E:b", true),
                outcome("r3", "E:a", true), outcome("r3", "E:b", true),
                outcome("r4", "E:a", false), outcome("r5", "E:b", true));
        InterleavingCredit c = InterleavingCredit.of("E:a", "E:b", o, false);
        assertThat(c.winsA()).isEqualTo(1);
        assertThat(c.winsB()).isEqualTo(2);
        assertThat(c.ties()).isEqualTo(1);
        assertThat(c.preferenceB()).isEqualTo(2 / 3.0);
    }

    private static ImpressionOutcome outcome(String request, String team, boolean click) {
        return new ImpressionOutcome(request, "u", "v" + request + team + click, 0, team, 1.0, click, false, false, 0);
    }
}
