package dev.marquee.feed.ranking;

import dev.marquee.core.FeedQuery;

/**
 * Weights of the final score {@code (w_click·p(click) + w_watch·p(watch > 30 s) + w_share·p(share)) · (1 + L)^β},
 * L = the video's decayed long views in the last 24 h. Defaults value a long view twice a click and a share four
 * times (shares are rare and spread the platform).
 * <p>
 * The popularity prior β corrects exposure bias (Schnabel et al., ICML 2016; Chen et al., "Bias and Debias in
 * Recommender Systems", 2020): the heads estimate p(engage | shown), learned on impressions a logging policy
 * chose, and rank the ~1,000 candidates — mostly videos that policy rarely showed — by that conditional alone.
 * Measured offline (docs/evaluation.md), ordering by the heads alone put the page at 0.2–0.3× the most-popular
 * chart's NDCG@10 while one item counter beat the chart; multiplying by the recent long-view volume (log-linear
 * blend {@code ln score + β·ln(1 + L)}, β calibrated on the eval holdout) restores the popularity evidence the
 * conditional heads discard. β = 0 is the pure heads' score.
 * A request overrides any weight with params {@code w_click}, {@code w_watch}, {@code w_share}, {@code w_pop}.
 */
public record ScoreWeights(double click, double watch, double share, double popularity) {
    public static final String CLICK_PARAM = "w_click", WATCH_PARAM = "w_watch", SHARE_PARAM = "w_share",
            POPULARITY_PARAM = "w_pop";
    /** Default exponent of the popularity prior (calibrated on the eval holdout, docs/evaluation.md). */
    public static final double DEFAULT_POPULARITY = 1.0;

    public ScoreWeights {
        check("click", click);
        check("watch", watch);
        check("share", share);
        check("pop", popularity);
    }

    /** Heads only, no popularity prior (β = 0). */
    public ScoreWeights(double click, double watch, double share) {
        this(click, watch, share, 0.0);
    }

    public static ScoreWeights defaults() {
        return new ScoreWeights(1.0, 2.0, 4.0, DEFAULT_POPULARITY);
    }

    /** These weights with the popularity exponent β replaced. */
    public ScoreWeights withPopularity(double beta) {
        return new ScoreWeights(click, watch, share, beta);
    }

    /** These weights with the request's overrides applied; throws on a negative or non-finite override. */
    public ScoreWeights forQuery(FeedQuery query) {
        if (query.params().isEmpty()) {
            return this;
        }
        return new ScoreWeights(query.param(CLICK_PARAM, click), query.param(WATCH_PARAM, watch),
                query.param(SHARE_PARAM, share), query.param(POPULARITY_PARAM, popularity));
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

    private static void check(String name, double w) {
        if (!(w >= 0.0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("score weight w_" + name + " must be finite and >= 0, got " + w);
        }
    }
}
