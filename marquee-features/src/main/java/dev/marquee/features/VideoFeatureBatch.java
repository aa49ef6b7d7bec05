package dev.marquee.features;

/**
 * Reusable column batch for {@link FeatureStore#videoFeatures}: index i of every column describes the i-th
 * requested video. Allocate once per thread (capacity ≤ {@value FeatureStore#MAX_VIDEO_BATCH}) and refill per
 * request; no per-video objects. Rates are Beta-smoothed toward the video's category (see {@link GroupStats}):
 * rate = (min(successes, impressions) + κμ) / (impressions + κ); the long-view posterior parameters are
 * exposed for Thompson sampling. Videos without metadata have creator/category/language -1.
 */
public final class VideoFeatureBatch {
    final int capacity;
    int size;
    long offset;
    long nowMillis;
    final int[] video;
    final boolean[] hasMetadata;
    final int[] creator;
    final int[] category;
    final int[] language;
    final int[] durationSeconds;
    final long[] uploadedAt;
    final double[][] hour = new double[VideoColumns.DECAYED_SIGNALS][];
    final double[][] day = new double[VideoColumns.DECAYED_SIGNALS][];
    final long[][] total = new long[VideoColumns.SIGNALS][];
    final double[] ctr;
    final double[] longViewRate;
    final double[] shareRate;
    final double[] longViewAlpha;
    final double[] longViewBeta;
    final double[] trending;
    final double[] creatorUploadsPerDay;
    final double[] creatorLongViewRate;

    public VideoFeatureBatch(int capacity) {
        if (capacity <= 0 || capacity > FeatureStore.MAX_VIDEO_BATCH) {
            throw new IllegalArgumentException("capacity must be in [1, " + FeatureStore.MAX_VIDEO_BATCH + "], got " + capacity);
        }
        this.capacity = capacity;
        video = new int[capacity];
        hasMetadata = new boolean[capacity];
        creator = new int[capacity];
        category = new int[capacity];
        language = new int[capacity];
        durationSeconds = new int[capacity];
        uploadedAt = new long[capacity];
        for (int s = 0; s < VideoColumns.DECAYED_SIGNALS; s++) {
            hour[s] = new double[capacity];
            day[s] = new double[capacity];
        }
        for (int s = 0; s < VideoColumns.SIGNALS; s++) {
            total[s] = new long[capacity];
        }
        ctr = new double[capacity];
        longViewRate = new double[capacity];
        shareRate = new double[capacity];
        longViewAlpha = new double[capacity];
        longViewBeta = new double[capacity];
        trending = new double[capacity];
        creatorUploadsPerDay = new double[capacity];
        creatorLongViewRate = new double[capacity];
    }

    // @formatter:off
    public int capacity() { return capacity; }
    public int size() { return size; }
    /** Log offset the batch reflects. */
    public long offset() { return offset; }
    public long nowMillis() { return nowMillis; }
    public int video(int i) { return video[i]; }
    public boolean hasMetadata(int i) { return hasMetadata[i]; }
    public int creator(int i) { return creator[i]; }
    public int category(int i) { return category[i]; }
    public int language(int i) { return language[i]; }
    public int durationSeconds(int i) { return durationSeconds[i]; }
    public long uploadedAt(int i) { return uploadedAt[i]; }
    /** Hours since upload at the read time (0 without metadata). */
    public double uploadAgeHours(int i) { return hasMetadata[i] ? (nowMillis - uploadedAt[i]) / 3_600_000.0 : 0.0; }
    public double impressions1h(int i) { return hour[VideoColumns.IMPRESSION][i]; }
    public double impressions24h(int i) { return day[VideoColumns.IMPRESSION][i]; }
    public double clicks1h(int i) { return hour[VideoColumns.CLICK][i]; }
    public double clicks24h(int i) { return day[VideoColumns.CLICK][i]; }
    public double longViews1h(int i) { return hour[VideoColumns.LONG_VIEW][i]; }
    public double longViews24h(int i) { return day[VideoColumns.LONG_VIEW][i]; }
    public double shares1h(int i) { return hour[VideoColumns.SHARE][i]; }
    public double shares24h(int i) { return day[VideoColumns.SHARE][i]; }
    public long impressionsTotal(int i) { return total[VideoColumns.IMPRESSION][i]; }
    public long clicksTotal(int i) { return total[VideoColumns.CLICK][i]; }
    public long viewsTotal(int i) { return total[VideoColumns.VIEW][i]; }
    public long longViewsTotal(int i) { return total[VideoColumns.LONG_VIEW][i]; }
    public long sharesTotal(int i) { return total[VideoColumns.SHARE][i]; }
    public double ctr(int i) { return ctr[i]; }
    public double longViewRate(int i) { return longViewRate[i]; }
    public double shareRate(int i) { return shareRate[i]; }
    /** Beta posterior α of the long-view rate (prior from the category plus observed long views). */
    public double longViewAlpha(int i) { return longViewAlpha[i]; }
    public double longViewBeta(int i) { return longViewBeta[i]; }
    /** Long views per hour, exponentially weighted with a 1 h half-life. */
    public double trending(int i) { return trending[i]; }
    public double creatorUploadsPerDay(int i) { return creatorUploadsPerDay[i]; }
    public double creatorLongViewRate(int i) { return creatorLongViewRate[i]; }
    // @formatter:on
}
