package dev.marquee.feed.ranking;

import dev.marquee.core.FeedQuery;

/**
 * Weights of the final score
 * {@code (w_click·p(click) + w_watch·p(watch > 30 s) + w_share·p(share)) · (1 + L)^β · r^γ · (d / 60 s)^δ},
 * L = the video's decayed long views in the last 24 h, r = its smoothed lifetime long-view rate, d = its duration.
 * Defaults value a long view twice a click and a share four times (shares are rare and spread the platform).
 * <p>
 * The popularity prior β corrects exposure bias (Schnabel et al., ICML 2016; Chen et al., "Bias and Debias in
 * Recommender Systems", 2020): the heads estimate p(engage | shown), learned on impressions a logging policy
 * chose, and rank the ~1,000 candidates — mostly videos that policy rarely showed — by that conditional alone.
 * Measured offline (docs/evaluation.md), ordering by the heads alone put the page at 0.2–0.35× the most-popular
 * chart's NDCG@10 while one item counter beat the chart; multiplying by the recent long-view volume (log-linear
 * blend {@code ln score + β·ln(1 + L)}) restores the popularity evidence the conditional heads discard. In the
 * closed loop (docs/simulation.md) the same prior costs personalisation: β = 1 pulled pages to the same popular
 * videos (mean true affinity 0.194 vs 0.247 with β = 0). β = 0.25 keeps most of the offline gain (0.93× the β = 1
 * page's NDCG@10 on the default world, β = 0 is 0.35×) and most of the closed-loop one.
 * <p>
 * The duration exponent δ values watch time, not only the 30-s threshold the watch head predicts: a 30-minute
 * video that is watched gives far more minutes than a 40-s clip, and p(watch > 30 s) ranks them alike. It is a
 * stand-in for an expected-watch-time head (Covington et al., RecSys 2016, weight positives by watch time):
 * δ = 1 would rank by p · duration, i.e. fill pages with the longest videos; δ = 0.15 favours a 20-minute video over
 * a 1-minute one by 1.57×, which a 2× better p(watch) still overrules. The rate exponent γ (default 0) is a
 * per-request knob for experiments: measured in the closed loop it helped only without the volume prior.
 * β = γ = δ = 0 is the pure heads' score.
 * A request overrides any weight with params {@code w_click}, {@code w_watch}, {@code w_share}, {@code w_pop},
 * {@code w_rate}, {@code w_dur}.
 */
public record ScoreWeights(double click, double watch, double share, double popularity, double rate,
                           double duration) {
    public static final String CLICK_PARAM = "w_click", WATCH_PARAM = "w_watch", SHARE_PARAM = "w_share",
            POPULARITY_PARAM = "w_pop", RATE_PARAM = "w_rate", DURATION_PARAM = "w_dur";
    /** Default exponent of the popularity prior (offline vs closed loop, docs/simulation.md "Default world"). */
    public static final double DEFAULT_POPULARITY = 0.25;
    /** Default exponent of the duration term (docs/simulation.md "Default world"). */
    public static final double DEFAULT_DURATION = 0.15;

    public ScoreWeights {
        check("click", click);
        check("watch", watch);
        check("share", share);
        check("pop", popularity);
        check("rate", rate);
        check("dur", duration);
    }

    /** No duration term (δ = 0). */
    public ScoreWeights(double click, double watch, double share, double popularity, double rate) {
        this(click, watch, share, popularity, rate, 0.0);
    }

    /** No rate prior (γ = 0). */
    public ScoreWeights(double click, double watch, double share, double popularity) {
        this(click, watch, share, popularity, 0.0, 0.0);
    }

    /** Heads only, no popularity prior (β = 0). */
    public ScoreWeights(double click, double watch, double share) {
        this(click, watch, share, 0.0, 0.0, 0.0);
    }

    public static ScoreWeights defaults() {
        return new ScoreWeights(1.0, 2.0, 4.0, DEFAULT_POPULARITY, 0.0, DEFAULT_DURATION);
    }

    /** These weights with the popularity exponent β replaced. */
    public ScoreWeights withPopularity(double beta) {
        return new ScoreWeights(click, watch, share, beta, rate, duration);
    }

    /** These weights with the rate exponent γ replaced. */
    public ScoreWeights withRate(double gamma) {
        return new ScoreWeights(click, watch, share, popularity, gamma, duration);
    }

    /** These weights with the duration exponent δ replaced. */
    public ScoreWeights withDuration(double delta) {
        return new ScoreWeights(click, watch, share, popularity, rate, delta);
    }

    /** These weights with the request's overrides applied; throws on a negative or non-finite override. */
    public ScoreWeights forQuery(FeedQuery query) {
        if (query.params().isEmpty()) {
            return this;
        }
        return new ScoreWeights(query.param(CLICK_PARAM, click), query.param(WATCH_PARAM, watch),
                query.param(SHARE_PARAM, share), query.param(POPULARITY_PARAM, popularity), query.param(RATE_PARAM, rate),
                query.param(DURATION_PARAM, duration));
    }

    /** The heads' weighted sum, without the popularity prior. */
    public double score(float pClick, float pWatch, float pShare) {
        return click * pClick + watch * pWatch + share * pShare;
    }

    /**
     * The heads' weighted sum times {@code (1 + recentLongViews)^β}.
     *
     * @throws IllegalArgumentException when {@code recentLongViews} is negative or not finite
     */
    public double score(float pClick, float pWatch, float pShare, double recentLongViews) {
        if (!(recentLongViews >= 0) || Double.isInfinite(recentLongViews)) {
            throw new IllegalArgumentException("recent long views must be finite and >= 0, got " + recentLongViews);
        }
        double base = score(pClick, pWatch, pShare);
        return popularity == 0.0 ? base : base * Math.pow(1.0 + recentLongViews, popularity);
    }

    /**
     * The heads' weighted sum times {@code (1 + recentLongViews)^β · longViewRate^γ}.
     *
     * A rate at or below 0 counts as 1e-6 (a video with no evidence and no prior sinks, it is not dropped).
     *
     * @throws IllegalArgumentException when {@code recentLongViews} is negative or not finite, or
     *                                  {@code longViewRate} is NaN or above 1
     */
    public double score(float pClick, float pWatch, float pShare, double recentLongViews, double longViewRate) {
        double s = score(pClick, pWatch, pShare, recentLongViews);
        if (rate == 0.0) {
            return s;
        }
        if (!(longViewRate <= 1.0)) {
            throw new IllegalArgumentException("long-view rate must be a number <= 1, got " + longViewRate);
        }
        return s * Math.pow(Math.max(longViewRate, 1e-6), rate);
    }

    /** As above, times {@code (max(1, durationSeconds) / 60)^δ}. */
    public double score(float pClick, float pWatch, float pShare, double recentLongViews, double longViewRate,
                        int durationSeconds) {
        double s = score(pClick, pWatch, pShare, recentLongViews, longViewRate);
        return duration == 0.0 ? s : s * Math.pow(Math.max(1, durationSeconds) / 60.0, duration);
    }

    private static void check(String name, double w) {
        if (!(w >= 0.0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("score weight w_" + name + " must be finite and >= 0, got " + w);
        }
    }
}
