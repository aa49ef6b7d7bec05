package dev.marquee.training.ranker;

import dev.marquee.core.Candidate;
import dev.marquee.events.Impression;
import dev.marquee.events.LogRecord;
import dev.marquee.events.ServedImpression;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.features.UserFeatures;
import dev.marquee.features.VideoFeatureBatch;
import dev.marquee.feed.ranking.RankerFeatureSchema;
import dev.marquee.feed.ranking.RankerFeatures;
import dev.marquee.training.join.TrainingExampleJoiner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The consecutive impressions of one feed request of a replayed history: featurised from the store as it
 * was before the page (when the request is sampled), offered to the joiner, then applied to the store.
 */
final class HistoryPage {
    private final DatasetBuildConfig config;
    private final int capacity;
    private final InMemoryFeatureStore store;
    private final RankerFeatures features;
    private final List<LogRecord> records = new ArrayList<>();
    private final List<Impression> impressions = new ArrayList<>();
    private final VideoFeatureBatch videos = new VideoFeatureBatch(FeatureStore.MAX_VIDEO_BATCH);
    private float[] rows = new float[64 * RankerFeatureSchema.WIDTH];
    long sampled, skipped;

    HistoryPage(InMemoryFeatureStore store, RankerFeatures features, DatasetBuildConfig config, int capacity) {
        this.config = config;
        this.capacity = capacity;
        this.store = store;
        this.features = features;
    }

    boolean accepts(Impression imp) {
        if (impressions.isEmpty()) {
            return true;
        }
        Impression first = impressions.get(0);
        return first.requestId() != null && first.requestId().equals(imp.requestId())
                && first.userId().equals(imp.userId()) && first.timestamp() == imp.timestamp()
                && impressions.size() < capacity;
    }

    void add(LogRecord r, Impression imp) {
        records.add(r);
        impressions.add(imp);
    }

    void flush(TrainingExampleJoiner joiner, Map<String, Integer> requestIndex) {
        if (impressions.isEmpty()) {
            return;
        }
        Impression first = impressions.get(0);
        if (first.requestId() != null && config.sampled(first.requestId())) {
            featurise(first, joiner, requestIndex);
        }
        store.apply(records);
        records.clear();
        impressions.clear();
    }

    private void featurise(Impression first, TrainingExampleJoiner joiner, Map<String, Integer> requestIndex) {
        long t = first.timestamp();
        List<Candidate> candidates = new ArrayList<>(impressions.size());
        List<Impression> kept = new ArrayList<>(impressions.size());
        int[] ids = new int[impressions.size()];
        for (Impression imp : impressions) {
            sampled++;
            int v = store.videos().find(imp.videoId());
            if (v < 0) {
                skipped++;
                continue;
            }
            Candidate c = new Candidate(v);
            c.row(candidates.size());
            ids[candidates.size()] = v;
            candidates.add(c);
            kept.add(imp);
        }
        if (candidates.isEmpty()) {
            return;
        }
        UserFeatures user = store.user(first.userId(), t);
        store.videoFeatures(ids, candidates.size(), t, videos);
        int width = features.width();
        if (rows.length < candidates.size() * width) {
            rows = new float[candidates.size() * width];
        }
        features.assemble(user, null, videos, candidates, t, rows);
        requestIndex.putIfAbsent(first.requestId(), requestIndex.size());
        for (int i = 0; i < kept.size(); i++) {
            Impression imp = kept.get(i);
            float[] row = Arrays.copyOfRange(rows, i * width, (i + 1) * width);
            joiner.impression(new ServedImpression(imp.requestId(), imp.userId(), imp.videoId(), imp.position(), t,
                    PointInTimeDatasetBuilder.VERSION, null, row, new float[0], 1.0));
        }
    }
}
