package dev.marquee.server.experiment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Team-draft interleaving (Radlinski, Kurup and Joachims, CIKM 2008): like captains picking teams, in each round
 * a coin decides which ranker picks first, then each ranker in turn adds its highest-ranked item not yet on the
 * page; the item is credited to that ranker's team. Clicks on a team's items are that ranker's votes
 * ({@link InterleavingCredit}). Rankings are arrays of item ids (no duplicates inside one ranking); the page is
 * filled until {@code length} items or both rankings are exhausted.
 */
public final class TeamDraftInterleaver {
    public static final byte TEAM_A = 0, TEAM_B = 1;

    /** The interleaved page and the team that contributed each position. */
    public record InterleavedPage(int[] items, byte[] teams) {
    }

    public InterleavedPage interleave(int[] a, int[] b, int length, SplittableRandom random) {
        int cap = Math.min(length, a.length + b.length);
        int[] items = new int[cap];
        byte[] teams = new byte[cap];
        int n = 0, ia = 0, ib = 0, teamA = 0, teamB = 0;
        while (n < cap) {
            ia = skipPlaced(a, ia, items, n);
            ib = skipPlaced(b, ib, items, n);
            boolean aLeft = ia < a.length, bLeft = ib < b.length;
            if (!aLeft && !bLeft) {
                break;
            }
            boolean aPicks = bLeft ? aLeft && (teamA < teamB || (teamA == teamB && random.nextBoolean())) : true;
            if (aPicks) {
                items[n] = a[ia++];
                teams[n++] = TEAM_A;
                teamA++;
            } else {
                items[n] = b[ib++];
                teams[n++] = TEAM_B;
                teamB++;
            }
        }
        return new InterleavedPage(Arrays.copyOf(items, n), Arrays.copyOf(teams, n));
    }

    private static int skipPlaced(int[] ranking, int from, int[] placed, int n) {
        int i = from;
        while (i < ranking.length && contains(placed, n, ranking[i])) {
            i++;
        }
        return i;
    }

    private static boolean contains(int[] placed, int n, int item) {
        for (int k = 0; k < n; k++) {
            if (placed[k] == item) {
                return true;
            }
        }
        return false;
    }
}
