package dev.marquee.sim;

/**
 * What one policy achieved over one simulated day or the whole run. Rates are per impression, so they all
 * lie in [0, 1] and compare directly across policies that show different numbers of pages.
 *
 * @param sessions                sessions started
 * @param impressions             videos shown
 * @param clicks                  clicks
 * @param longViews               views longer than 30 s
 * @param shares                  shares
 * @param watchMinutes            minutes watched in total
 * @param coverage                distinct videos shown / videos uploaded by the end of the period
 * @param creatorGini             Gini of impressions over every creator with an uploaded video
 * @param newVideoExposure        share of impressions of videos less than 48 h old when shown
 * @param meanTrueAffinity        mean true (hidden) affinity a(u,v,t) of the shown videos
 * @param newVideos               videos uploaded during the period
 * @param newVideosReaching100    of those, videos that got 100 impressions within the period
 * @param medianHoursTo100        median hours from upload to the 100th impression among those; NaN when none
 */
public record OutcomeMetrics(long sessions, long impressions, long clicks, long longViews, long shares,
                             double watchMinutes, double coverage, double creatorGini, double newVideoExposure,
                             double meanTrueAffinity, int newVideos, int newVideosReaching100,
                             double medianHoursTo100) {

    /** Impressions that were clicked. */
    public double ctr() {
        return ratio(clicks, impressions);
    }

    /** Impressions that led to a view longer than 30 s. */
    public double longViewRate() {
        return ratio(longViews, impressions);
    }

    /** Impressions that led to a share. */
    public double shareRate() {
        return ratio(shares, impressions);
    }

    public double watchMinutesPerSession() {
        return sessions == 0 ? 0 : watchMinutes / sessions;
    }

    /** Long views per click (the quality of what gets clicked). */
    public double longViewsPerClick() {
        return ratio(longViews, clicks);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
