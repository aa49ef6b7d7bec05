package dev.marquee.server.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One variant's outcome rates with 95% intervals: CTR, long-view rate and share rate per impression (Wilson;
 * impressions of one user are treated as independent, which narrows the interval slightly), and watch seconds
 * per user (normal interval over users, the randomisation unit).
 */
public record VariantMetrics(String variant, int users, long impressions, Estimate ctr, Estimate longViewRate,
                             Estimate shareRate, Estimate watchSecondsPerUser) {

    public static VariantMetrics of(String variant, List<ImpressionOutcome> outcomes) {
        long clicks = 0, longViews = 0, shares = 0;
        Map<String, Integer> userIndex = new HashMap<>();
        double[] watch = new double[outcomes.size()];
        for (ImpressionOutcome o : outcomes) {
            clicks += o.click() ? 1 : 0;
            longViews += o.longView() ? 1 : 0;
            shares += o.share() ? 1 : 0;
            int u = userIndex.computeIfAbsent(o.userId(), k -> userIndex.size());
            watch[u] += o.watchSeconds();
        }
        long n = outcomes.size();
        return new VariantMetrics(variant, userIndex.size(), n, Intervals.wilson(clicks, n),
                Intervals.wilson(longViews, n), Intervals.wilson(shares, n), Intervals.mean(watch, userIndex.size()));
    }
}
