package dev.marquee.feed.hydration;

import dev.marquee.core.Candidate;
import dev.marquee.core.CandidateHydrator;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.VideoFeatureBatch;
import java.util.List;
import java.util.Objects;

/**
 * Loads the video features of all candidates with a single {@link FeatureStore#videoFeatures} call into one
 * column batch ({@link FeedFeatures#VIDEOS}) and gives each candidate its row, so scorers read primitive
 * columns instead of per-candidate maps. The batch is sized to the request (it stays referenced by the query
 * until the response is logged, so it cannot be shared between requests).
 */
public final class VideoFeaturesHydrator implements CandidateHydrator {
    public static final ComponentId ID = ComponentId.of("video-features");

    private final FeatureStore store;

    public VideoFeaturesHydrator(FeatureStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    /**
     * @throws IllegalArgumentException when there are more than {@link FeatureStore#MAX_VIDEO_BATCH} candidates
     *                                  (the merger's target keeps the funnel well below it)
     */
    @Override
    public void hydrate(FeedQuery query, List<Candidate> candidates) {
        int n = candidates.size();
        if (n > FeatureStore.MAX_VIDEO_BATCH) {
            throw new IllegalArgumentException(n + " candidates to hydrate, at most " + FeatureStore.MAX_VIDEO_BATCH
                    + " fit one feature batch: lower the merger's target");
        }
        int[] videos = new int[n];
        for (int i = 0; i < n; i++) {
            videos[i] = candidates.get(i).video();
        }
        VideoFeatureBatch batch = new VideoFeatureBatch(Math.max(1, n));
        store.videoFeatures(videos, n, query.nowMillis(), batch);
        for (int i = 0; i < n; i++) {
            candidates.get(i).row(i);
        }
        query.features().put(FeedFeatures.VIDEOS, batch);
    }
}
