package dev.marquee.server.experiment;

import java.util.List;

/**
 * Off-policy estimates of a candidate policy's CTR from a logging policy's impressions and propensities.
 * IPS (Horvitz and Thompson, JASA 1952): mean of w·click with w = π_target/π_logged, unbiased when the logged
 * propensities are exact and cover the target's actions; normal interval. SNIPS (Swaminathan and Joachims,
 * NIPS 2015): Σ w·click / Σ w, slightly biased but far lower variance; delta-method interval.
 *
 * @param effectiveSampleSize (Σw)² / Σw², how many impressions the reweighted log is worth
 */
public record OffPolicyEstimate(long impressions, Estimate ips, Estimate snips, double effectiveSampleSize) {

    public static OffPolicyEstimate of(List<ImpressionOutcome> logged, TargetPolicy target) {
        int n = logged.size();
        double[] wr = new double[n];
        double sumW = 0, sumW2 = 0, sumWR = 0;
        double[] w = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            ImpressionOutcome o = logged.get(i);
            w[i] = target.probability(o) / o.propensity();
            r[i] = o.click() ? 1 : 0;
            wr[i] = w[i] * r[i];
            sumW += w[i];
            sumW2 += w[i] * w[i];
            sumWR += wr[i];
        }
        Estimate ips = Intervals.mean(wr, n);
        double snips = sumW > 0 ? sumWR / sumW : Double.NaN;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double d = w[i] * (r[i] - snips);
            var += d * d;
        }
        double se = sumW > 0 ? Math.sqrt(var) / sumW : Double.NaN;
        return new OffPolicyEstimate(n, ips, new Estimate(snips, snips - Intervals.Z95 * se, snips + Intervals.Z95 * se),
                sumW2 > 0 ? sumW * sumW / sumW2 : 0);
    }
}
