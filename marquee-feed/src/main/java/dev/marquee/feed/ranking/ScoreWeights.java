package dev.marquee.feed.ranking;

import dev.marquee.core.FeedQuery;

/**
 * Weights of the final score {@code w_click·p(click) + w_watch·p(watch > 30 s) + w_share·p(share)}. Defaults
 * value a long view twice a click and a share four times (shares are rare and spread the platform).
 * A request overrides any of them with params {@code w_click}, {@code w_watch}, {@code w_share}.
 */
public record ScoreWeights(double click, double watch, double share) {
    public static final String CLICK_PARAM = "w_click", WATCH_PARAM = "w_watch", SHARE_PARAM = "w_share";

    public ScoreWeights {
        check("click", click);
        check("watch", watch);
        check("share", share);
    }

    public static ScoreWeights defaults() {
        return new ScoreWeights(1.0, 2.0, 4.0);
    }

    /** These weights with the request's overrides applied; throws on a negative or non-finite override. */
    public ScoreWeights forQuery(FeedQuery query) {
        if (query.params().isEmpty()) {
            return this;
        }
        return new ScoreWeights(query.param(CLICK_PARAM, click), query.param(WATCH_PARAM, watch),
                query.param(SHARE_PARAM, share));
    }

    public double score(float pClick, float pWatch, float pShare) {
        return click * pClick + watch * pWatch + share * pShare;
    }

    private static void check(String name, double w) {
        if (!(w >= 0.0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("score weight w_" + name + " must be finite and >= 0, got " + w);
        }
    }
}
