package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.events.Event;
import dev.marquee.events.Impression;
import dev.marquee.events.InMemoryEventLog;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.features.VideoFeatureBatch;
import java.util.List;

/**
 * A real feature store fed through an event log, plus the hydration the feed does before re-ranking: reads
 * the user, batch-reads the candidates' video columns and sets each candidate's row.
 */
final class RerankWorld {
    static final long T0 = 1_700_000_000_000L;
    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    final InMemoryEventLog log = new InMemoryEventLog();
    final InMemoryFeatureStore store;
    private long seq;

    RerankWorld() {
        this(FeatureStoreConfig.defaults());
    }

    RerankWorld(FeatureStoreConfig config) {
        store = new InMemoryFeatureStore(config);
    }

    /** Appends to the log and applies everything new to the store (the updater's path, synchronously). */
    void append(List<? extends Event> events) {
        log.append(events);
        store.apply(log.read(store.appliedOffset() + 1, Integer.MAX_VALUE));
    }

    VideoUpserted video(String video, String creator, String category, long uploadedAt, int durationSeconds,
                        String language) {
        return new VideoUpserted(nextId(), uploadedAt,
                new Video(video, creator, category, "title " + video, List.of(), durationSeconds, uploadedAt, language));
    }

    Impression impression(String user, String video, long t) {
        return new Impression(nextId(), t, user, video, "r", 0);
    }

    View view(String user, String video, long t, double seconds) {
        return new View(nextId(), t, user, video, "r", seconds);
    }

    int dense(String video) {
        int d = store.videos().find(video);
        if (d < 0) {
            throw new IllegalArgumentException("unknown video " + video);
        }
        return d;
    }

    /** A request of {@code user} at {@code now}, with the user read and the candidates hydrated into {@code batch}. */
    FeedQuery query(String user, int limit, long now, long seed, boolean explain, List<Candidate> candidates,
                    VideoFeatureBatch batch) {
        FeedQuery q = FeedQuery.of("req-" + seed, user, limit, now, seed, explain);
        q.features().put(FeedFeatures.USER, store.user(user, now));
        hydrate(q, candidates, batch);
        return q;
    }

    void hydrate(FeedQuery q, List<Candidate> candidates, VideoFeatureBatch batch) {
        int[] ids = new int[candidates.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = candidates.get(i).video();
            candidates.get(i).row(i);
        }
        store.videoFeatures(ids, ids.length, q.nowMillis(), batch);
        q.features().put(FeedFeatures.VIDEOS, batch);
    }

    private String nextId() {
        return "e" + seq++;
    }
}
