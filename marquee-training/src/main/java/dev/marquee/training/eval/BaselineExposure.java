package dev.marquee.training.eval;

import dev.marquee.events.Event;
import dev.marquee.events.EventLog;
import dev.marquee.events.Impression;
import dev.marquee.events.LogRecord;
import dev.marquee.events.View;
import dev.marquee.sim.BaselinePolicy;
import dev.marquee.sim.FeedbackReplay;
import dev.marquee.sim.World;
import java.util.List;

/**
 * How often the synthetic world's logging policy (sim's {@code BaselinePolicy}: a share of slots drawn from a
 * 300-video chart by rank^-0.7, the rest uniform over uploaded videos) shows each video. The policy is replayed, not
 * approximated: a fresh {@code BaselinePolicy} observes every logged impression, click, long view and share in log
 * order with its hourly chart refreshes ({@code FeedbackReplay}), which rebuilds the chart the generator used.
 * Two estimates per dense video, each the probability that one slot shows it:
 * <ul>
 *   <li>{@code atCutoff}: the chart in force at the holdout start (pre-holdout data only);</li>
 *   <li>{@code holdout}: the mean over the holdout's hourly charts weighted by each hour's logged impressions — the
 *       exposure the holdout's ground truth actually had (it uses holdout feedback: an oracle, not a policy).</li>
 * </ul>
 * The same scan counts the holdout's long views per video (the non-personal hindsight chart).
 */
final class BaselineExposure {
    private static final long HOUR = 3_600_000L;

    /** Per dense video; {@code holdoutLongViews}: the holdout's logged long views (all users). */
    record Estimates(double[] atCutoff, double[] holdout, double[] holdoutLongViews) {
    }

    private BaselineExposure() {
    }

    static Estimates replay(EventLog log, World world, TrueEngagement truth, long cutoff, long holdoutEnd) {
        int n = world.videoCount();
        BaselinePolicy policy = new BaselinePolicy(world);
        double[] cutoffShare = null;
        double[] holdoutShare = new double[n];
        double[] longViews = new double[n];
        double uniformHoldout = 0;
        long impressionsTotal = 0;
        double[] hourShare = null;
        double hourUniform = 0;
        long hourImpressions = 0;
        long nextHour = cutoff;
        long next = 0;
        scan:
        while (true) {
            List<LogRecord> batch = log.read(next, 8192);
            if (batch.isEmpty()) {
                break;
            }
            for (LogRecord r : batch) {
                Event e = r.event();
                long t = e.timestamp();
                while (t >= nextHour && nextHour < holdoutEnd) {
                    if (hourShare != null) {
                        accumulate(holdoutShare, hourShare, hourImpressions);
                        uniformHoldout += hourUniform * hourImpressions;
                        impressionsTotal += hourImpressions;
                    }
                    policy.advanceTo(nextHour);
                    hourShare = chartShares(policy, n);
                    hourUniform = (1 - policy.popularShare()) / Math.max(1, world.videosUploadedBy(nextHour));
                    hourImpressions = 0;
                    if (cutoffShare == null) {
                        cutoffShare = slotShares(hourShare, hourUniform, world, cutoff);
                    }
                    nextHour += HOUR;
                }
                if (t >= holdoutEnd) {
                    break scan;
                }
                if (t >= cutoff && e instanceof Impression) {
                    hourImpressions++;
                }
                if (t >= cutoff && e instanceof View v && v.watchSeconds() > View.LONG_VIEW_SECONDS) {
                    longViews[world.videoIndex(v.videoId())]++;
                }
                FeedbackReplay.observe(e, world, policy);
            }
            next = batch.getLast().offset() + 1;
        }
        if (hourShare != null) {
            accumulate(holdoutShare, hourShare, hourImpressions);
            uniformHoldout += hourUniform * hourImpressions;
            impressionsTotal += hourImpressions;
        }
        if (cutoffShare == null || impressionsTotal == 0) {
            throw new IllegalArgumentException("the log has no impressions in the holdout: no exposure to replay");
        }
        for (int w = 0; w < n; w++) {
            holdoutShare[w] /= impressionsTotal;
        }
        double[] holdout = slotShares(holdoutShare, uniformHoldout / impressionsTotal, world, cutoff);
        return new Estimates(toDense(cutoffShare, truth), toDense(holdout, truth), toDense(longViews, truth));
    }

    private static double[] chartShares(BaselinePolicy policy, int n) {
        double[] out = new double[n];
        int[] chart = policy.chart();
        double[] p = policy.chartProbabilities();
        for (int r = 0; r < chart.length; r++) {
            out[chart[r]] = policy.popularShare() * p[r];
        }
        return out;
    }

    private static void accumulate(double[] into, double[] share, long weight) {
        for (int w = 0; w < into.length; w++) {
            into[w] += share[w] * weight;
        }
    }

    /** Chart share plus the uniform share, for every video uploaded by {@code cutoff} (world indices). */
    private static double[] slotShares(double[] chart, double uniform, World world, long cutoff) {
        double[] out = chart.clone();
        for (int w = 0, uploaded = world.videosUploadedBy(cutoff); w < uploaded; w++) {
            out[w] += uniform;
        }
        return out;
    }

    private static double[] toDense(double[] byWorld, TrueEngagement truth) {
        double[] out = new double[truth.size()];
        for (int v = 0; v < out.length; v++) {
            int w = truth.worldVideo(v);
            out[v] = w < 0 ? 0 : byWorld[w];
        }
        return out;
    }
}
