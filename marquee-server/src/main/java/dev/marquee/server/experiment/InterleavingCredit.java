package dev.marquee.server.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credits an interleaving experiment's clicks (or long views) to the teams (Radlinski et al. 2008): per request,
 * the team whose items got more engagements wins; ties and requests without engagement do not count. The
 * preference share is B's wins over decided requests; its significance is a two-sided sign test against 1/2.
 */
public record InterleavingCredit(String teamA, String teamB, long winsA, long winsB, long ties, double preferenceB,
                                 Estimate preferenceInterval, double pValue) {

    /** @param longViews credit long views instead of clicks */
    public static InterleavingCredit of(String teamA, String teamB, List<ImpressionOutcome> outcomes, boolean longViews) {
        Map<String, int[]> perRequest = new LinkedHashMap<>();
        for (ImpressionOutcome o : outcomes) {
            int[] c = perRequest.computeIfAbsent(o.requestId(), k -> new int[2]);
            boolean engaged = longViews ? o.longView() : o.click();
            if (engaged) {
                if (o.variant().equals(teamA)) {
                    c[0]++;
                } else if (o.variant().equals(teamB)) {
                    c[1]++;
                } else {
                    throw new IllegalArgumentException("impression of request " + o.requestId() + " has team "
                            + o.variant() + ", expected " + teamA + " or " + teamB);
                }
            }
        }
        long a = 0, b = 0, ties = 0;
        for (int[] c : perRequest.values()) {
            if (c[0] > c[1]) {
                a++;
            } else if (c[1] > c[0]) {
                b++;
            } else if (c[0] > 0) {
                ties++;
            }
        }
        long decided = a + b;
        Estimate share = Intervals.wilson(b, decided);
        return new InterleavingCredit(teamA, teamB, a, b, ties, share.value(), share, Intervals.signTestP(b, decided));
    }
}
