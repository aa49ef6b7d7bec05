package dev.marquee.features;

/**
 * Fills a {@link VideoFeatureBatch} from the store's rows: decays the 1 h / 24 h counters to the read time,
 * Beta-smooths the rates toward the video's category, and adds creator statistics. Allocation-free.
 */
final class VideoFeatureReader {
    private static final double PER_HOUR = VideoColumns.HOUR.toRate(1.0, 3_600_000L);
    private final StoreState s;
    private final double kappa;

    VideoFeatureReader(StoreState s) {
        this.s = s;
        this.kappa = s.config.betaPriorStrength();
    }

    void fill(int[] ids, int count, long now, VideoFeatureBatch out) {
        VideoColumns c = s.videos;
        int rows = c.rows;
        int[] ints = c.ints;
        double[] decayed = c.decayed;
        long[] longs = c.longs;
        double globalLv = s.creators.priorMean(-1, VideoColumns.LONG_VIEW);
        for (int i = 0; i < count; i++) {
            int v = ids[i];
            out.video[i] = v;
            if (v >= rows) {
                empty(out, i, globalLv);
                continue;
            }
            int r = v * VideoColumns.INTS;
            boolean has = ints[r] >= 0;
            int cat = has ? ints[r + 1] : -1;
            int cr = has ? ints[r] : -1;
            out.hasMetadata[i] = has;
            out.creator[i] = cr;
            out.category[i] = cat;
            out.language[i] = has ? ints[r + 2] : -1;
            out.durationSeconds[i] = has ? ints[r + 3] : 0;
            int lr = v * VideoColumns.LONGS;
            out.uploadedAt[i] = has ? longs[lr + 1] : 0L;
            long l = longs[lr];
            double fh = l == Decay.UNSET ? 0.0 : VideoColumns.HOUR.factor(now, l);
            double fd = l == Decay.UNSET ? 0.0 : VideoColumns.DAY.factor(now, l);
            int d = v * VideoColumns.DECAYED;
            for (int sig = 0; sig < VideoColumns.DECAYED_SIGNALS; sig++) {
                out.hour[sig][i] = decayed[d + sig] * fh;
                out.day[sig][i] = decayed[d + VideoColumns.DECAYED_SIGNALS + sig] * fd;
            }
            for (int sig = 0; sig < VideoColumns.SIGNALS; sig++) {
                out.total[sig][i] = longs[lr + VideoColumns.TOTALS + sig];
            }
            rates(out, i, cat, cr, now, globalLv);
        }
        out.size = count;
        out.nowMillis = now;
    }

    private void empty(VideoFeatureBatch out, int i, double globalLv) {
        out.hasMetadata[i] = false;
        out.creator[i] = -1;
        out.category[i] = -1;
        out.language[i] = -1;
        out.durationSeconds[i] = 0;
        out.uploadedAt[i] = 0L;
        for (int sig = 0; sig < VideoColumns.DECAYED_SIGNALS; sig++) {
            out.hour[sig][i] = 0.0;
            out.day[sig][i] = 0.0;
        }
        for (int sig = 0; sig < VideoColumns.SIGNALS; sig++) {
            out.total[sig][i] = 0L;
        }
        rates(out, i, -1, -1, 0L, globalLv);
    }

    private void rates(VideoFeatureBatch out, int i, int cat, int cr, long now, double globalLv) {
        GroupStats categories = s.categories;
        long imp = out.total[VideoColumns.IMPRESSION][i];
        out.ctr[i] = smoothed(out.total[VideoColumns.CLICK][i], imp, categories.priorMean(cat, VideoColumns.CLICK));
        out.shareRate[i] = smoothed(out.total[VideoColumns.SHARE][i], imp, categories.priorMean(cat, VideoColumns.SHARE));
        double mu = categories.priorMean(cat, VideoColumns.LONG_VIEW);
        long lv = Math.min(out.total[VideoColumns.LONG_VIEW][i], imp);
        out.longViewAlpha[i] = kappa * mu + lv;
        out.longViewBeta[i] = kappa * (1 - mu) + (imp - lv);
        out.longViewRate[i] = out.longViewAlpha[i] / (out.longViewAlpha[i] + out.longViewBeta[i]);
        out.trending[i] = out.hour[VideoColumns.LONG_VIEW][i] * PER_HOUR;
        GroupStats creators = s.creators;
        out.creatorUploadsPerDay[i] = creators.uploadsPerDay(cr, now);
        out.creatorLongViewRate[i] = cr < 0 ? globalLv
                : smoothed(creators.total(cr, VideoColumns.LONG_VIEW), creators.total(cr, VideoColumns.IMPRESSION), globalLv);
    }

    /** Posterior mean of a Beta(κμ, κ(1 − μ)) prior after min(successes, trials) successes in trials. */
    double smoothed(long successes, long trials, double mu) {
        return (Math.min(successes, trials) + kappa * mu) / (trials + kappa);
    }
}
