package dev.marquee.sim;

/**
 * The upper reference of {@code marquee simulate}: a policy that knows the hidden truth. For every uploaded
 * video it computes, from the {@link BehaviourModel}, the expected long views of showing it at the top —
 * p(click | position 0, the user's recent exposures) × p(watch &gt; 30 s | click) — and returns the k best.
 * It tracks its own impressions ({@link #observe}) so the fatigue term is exact. Deterministic; O(catalogue)
 * per request, so it is meant for simulation, not serving. Not thread-safe.
 */
public final class OraclePolicy implements FeedPolicy {
    private final World world;
    private final BehaviourModel model;
    private final RecentImpressions recent;

    public OraclePolicy(BehaviourModel model) {
        this.world = model.world();
        this.model = model;
        this.recent = new RecentImpressions(world.userCount());
    }

    @Override
    public int[] recommend(int user, long timeMillis, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be ≥ 0, got " + k);
        }
        int uploaded = world.videosUploadedBy(timeMillis);
        int[] ids = new int[k];
        double[] scores = new double[k];
        int size = 0;
        for (int v = 0; v < uploaded && k > 0; v++) {
            double value = model.clickProbability(user, v, 0, recent.count(user, v), timeMillis)
                    * model.longViewProbability(user, v, timeMillis);
            size = TopScores.offer(ids, scores, size, v, value);
        }
        return TopScores.sortedDescending(ids, scores, size);
    }

    @Override
    public void observe(int user, int video, long timeMillis, Feedback feedback) {
        if (feedback == Feedback.IMPRESSION) {
            recent.add(user, video);
        }
    }
}
