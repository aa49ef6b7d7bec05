package dev.marquee.sim;

import java.util.Arrays;

/**
 * The platform before Marquee: each slot is filled from a global "popular" chart with probability
 * {@code WorldConfig.baselinePopularShare}, otherwise uniformly at random among uploaded videos.
 *
 * <p>The chart holds the {@value #CHART_SIZE} videos with the best smoothed engagement rate
 * (E + m·r̄)/(I + m), m = {@value #SMOOTHING}, where E (click 1, long view 1, share 2) and I (impressions)
 * decay with a one-day half-life and r̄ is the current mean rate; it is refreshed every simulated hour and
 * sampled with weight (rank+1)^-0.7. Ranking by rate rather than volume lets new videos that do well in
 * random slots enter the chart instead of freezing it. Back-catalogue videos start with a prior history of
 * 30 impressions (halved per week of age) × an expected rate from their latent appeal and quality. Deterministic; not thread-safe.
 */
public final class BaselinePolicy implements FeedPolicy {
    static final int CHART_SIZE = 300;
    static final double SMOOTHING = 30.0;
    private static final long REFRESH_MILLIS = 3_600_000L;
    private static final double HOURLY_DECAY = StrictMath.pow(0.5, 1.0 / 24.0);

    private final World world;
    private final double popularShare;
    private final SimRandom rng;
    private final float[] engagement;
    private final float[] impressions;
    private int[] chart = new int[0];
    private double[] chartCumulative = new double[0];
    private long nextRefresh;

    public BaselinePolicy(World world) {
        this(world, world.config().baselinePopularShare());
    }

    /**
     * @param popularShare share of slots filled from the chart (the rest uniformly at random); 1 gives the
     *                     pure most-popular baseline of {@code marquee simulate}
     */
    public BaselinePolicy(World world, double popularShare) {
        if (!(popularShare >= 0 && popularShare <= 1)) {
            throw new IllegalArgumentException("popularShare must be in [0, 1], got " + popularShare);
        }
        this.world = world;
        this.popularShare = popularShare;
        this.rng = SimRandom.stream(world.config().seed(), RandomStreams.BASELINE_POLICY, 0);
        int n = world.videoCount();
        this.engagement = new float[n];
        this.impressions = new float[n];
        long start = world.config().startMillis();
        for (int v = 0, before = world.videosUploadedBy(start - 1); v < before; v++) {
            double ageDays = (start - world.uploadedAt(v)) / (double) WorldConfig.DAY_MILLIS;
            double prior = 30.0 * StrictMath.pow(0.5, ageDays / 7.0);
            double rate = 0.45 * BehaviourModel.sigmoid(BehaviourModel.CLICK_BIAS + 0.6
                    + BehaviourModel.CLICK_QUALITY * world.latentQuality(v)
                    + BehaviourModel.CLICK_APPEAL * Math.min(world.latentAppeal(v), BehaviourModel.APPEAL_CAP));
            impressions[v] = (float) prior;
            engagement[v] = (float) (prior * rate);
        }
        this.nextRefresh = start;
    }

    @Override
    public int[] recommend(int user, long timeMillis, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be ≥ 0, got " + k);
        }
        int uploaded = world.videosUploadedBy(timeMillis);
        advanceTo(timeMillis);
        int[] out = new int[Math.min(k, uploaded)];
        for (int i = 0; i < out.length; i++) {
            out[i] = pickDistinct(out, i, uploaded, timeMillis);
        }
        return out;
    }

    /** Runs the hourly chart refreshes due by {@code timeMillis} (for replaying feedback between requests). */
    public void advanceTo(long timeMillis) {
        while (timeMillis >= nextRefresh) {
            refresh(world.videosUploadedBy(nextRefresh));
            nextRefresh += REFRESH_MILLIS;
        }
    }

    private int pickDistinct(int[] chosen, int filled, int uploaded, long timeMillis) {
        for (int attempt = 0; attempt < 16; attempt++) {
            int v = chart.length > 0 && rng.nextDouble() < popularShare
                    ? chart[rng.nextWeighted(chartCumulative)] : rng.nextInt(uploaded);
            if (world.uploadedAt(v) <= timeMillis && !contains(chosen, filled, v)) {
                return v;
            }
        }
        for (int v = 0; v < uploaded; v++) {
            if (!contains(chosen, filled, v)) {
                return v;
            }
        }
        throw new IllegalStateException("fewer than " + (filled + 1) + " videos uploaded by " + timeMillis);
    }

    private static boolean contains(int[] values, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (values[i] == v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void observe(int user, int video, long timeMillis, Feedback feedback) {
        switch (feedback) {
            case IMPRESSION -> impressions[video] += 1f;
            case CLICK, LONG_VIEW -> engagement[video] += 1f;
            case SHARE -> engagement[video] += 2f;
        }
    }

    private void refresh(int uploaded) {
        double totalE = 0;
        double totalI = 0;
        for (int v = 0; v < uploaded; v++) {
            engagement[v] *= (float) HOURLY_DECAY;
            impressions[v] *= (float) HOURLY_DECAY;
            totalE += engagement[v];
            totalI += impressions[v];
        }
        double meanRate = totalI > 0 ? totalE / totalI : 0;
        int size = 0;
        int[] heapIds = new int[CHART_SIZE];
        double[] heapScores = new double[CHART_SIZE];
        for (int v = 0; v < uploaded; v++) {
            if (impressions[v] < 1f) {
                continue;
            }
            double score = (engagement[v] + SMOOTHING * meanRate) / (impressions[v] + SMOOTHING);
            size = TopScores.offer(heapIds, heapScores, size, v, score);
        }
        chart = TopScores.sortedDescending(heapIds, heapScores, size);
        chartCumulative = new double[chart.length];
        double sum = 0;
        for (int r = 0; r < chart.length; r++) {
            sum += 1.0 / StrictMath.pow(r + 1, 0.7);
            chartCumulative[r] = sum;
        }
    }

    /** The current chart, best first (for tests and inspection; refreshed by {@link #advanceTo}). */
    public int[] chart() {
        return Arrays.copyOf(chart, chart.length);
    }

    /**
     * The probability that one chart draw picks each video of {@link #chart()} (same order; sums to 1 unless
     * the chart is empty). A slot is a chart draw with probability {@link #popularShare()}.
     */
    public double[] chartProbabilities() {
        double[] p = new double[chart.length];
        double total = chart.length == 0 ? 1 : chartCumulative[chart.length - 1];
        for (int r = 0; r < p.length; r++) {
            p[r] = (chartCumulative[r] - (r == 0 ? 0 : chartCumulative[r - 1])) / total;
        }
        return p;
    }

    /** Share of slots filled from the chart (the rest uniformly among uploaded videos). */
    public double popularShare() {
        return popularShare;
    }
}
