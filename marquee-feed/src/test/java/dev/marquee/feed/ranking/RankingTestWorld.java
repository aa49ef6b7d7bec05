package dev.marquee.feed.ranking;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.Impression;
import dev.marquee.events.LogRecord;
import dev.marquee.events.Share;
import dev.marquee.events.UserProfile;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.features.VideoFeatureBatch;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.models.ProgressListener;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.ranker.RankerArchitecture;
import dev.marquee.models.ranker.RankerConfig;
import dev.marquee.models.ranker.RankerDataset;
import dev.marquee.models.ranker.RankerModel;
import dev.marquee.models.ranker.RankerShape;
import dev.marquee.models.ranker.RankerTrainer;
import java.util.ArrayList;
import java.util.List;

/**
 * A real in-memory feature store with 30 videos (3 categories, 5 creators, "en" and "ja"), user u1 (25-34,
 * JP, tv) who engaged with category c0 of creator k0, and cold user u2. Hydrates queries the way the
 * feed's hydrators do (USER, VIDEOS, candidate rows) and trains a tiny ranker on the schema.
 */
final class RankingTestWorld {
    static final long T0 = 1_700_000_000_000L, MINUTE = 60_000L, HOUR = 60 * MINUTE;
    static final int VIDEOS = 30;

    final InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
    private long offset;
    private int ids;

    RankingTestWorld() {
        List<Event> events = new ArrayList<>();
        for (int v = 0; v < VIDEOS; v++) {
            events.add(new VideoUpserted(id(), T0 - 48 * HOUR + v, new Video("v" + v, "k" + (v % 5), "c" + (v % 3),
                    "title", List.of(), 60 + v, T0 - 48 * HOUR + v, v % 4 == 0 ? "ja" : "en")));
        }
        events.add(new UserUpserted(id(), T0 - 40 * HOUR, new UserProfile("u1", "25-34", "JP", "tv", T0 - 40 * HOUR)));
        for (int v = 0; v < 6; v++) {
            long t = T0 - 10 * HOUR + v * MINUTE;
            events.add(new Impression(id(), t, "u1", "v" + (v * 3), "seed", v));
            events.add(new Click(id(), t + 1000, "u1", "v" + (v * 3), "seed"));
            events.add(new View(id(), t + 2000, "u1", "v" + (v * 3), "seed", 45));
        }
        events.add(new Share(id(), T0 - 9 * HOUR, "u1", "v0", "seed"));
        apply(events);
    }

    String id() {
        return "e" + ids++;
    }

    void apply(List<? extends Event> events) {
        List<LogRecord> records = new ArrayList<>();
        for (Event e : events) {
            records.add(new LogRecord(offset++, 0L, e));
        }
        store.apply(records);
    }

    int dense(String videoId) {
        return store.videos().find(videoId);
    }

    /** Candidates for videos v0..v(n-1) in that order, with a source tag. */
    List<Candidate> candidates(int n) {
        List<Candidate> out = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            out.add(Candidate.from(dense("v" + v), v % 2 == 0 ? "co-watch" : "trending", 1f - v / 100f));
        }
        return out;
    }

    /** A query hydrated like the feed does: USER, VIDEOS and candidate rows (in reverse, so rows ≠ indices). */
    FeedQuery hydrate(FeedQuery query, List<Candidate> candidates) {
        query.features().put(FeedFeatures.USER, store.user(query.userId(), query.nowMillis()));
        int n = candidates.size();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            c.row(n - 1 - i);
            ids[n - 1 - i] = c.video();
        }
        VideoFeatureBatch batch = new VideoFeatureBatch(Math.max(1, n));
        store.videoFeatures(ids, n, query.nowMillis(), batch);
        query.features().put(FeedFeatures.VIDEOS, batch);
        return query;
    }

    /** A ranker with a tiny shared-bottom network trained for one epoch on rows of this world. */
    RankerModel trainTinyRanker(long seed) {
        RankerFeatures features = new RankerFeatures(store, ItemEmbeddings.NONE, true);
        int rows = 0;
        float[] x = new float[300 * features.width()];
        float[] y = new float[300 * 3];
        for (int round = 0; round < 10; round++) {
            List<Candidate> cs = candidates(VIDEOS);
            FeedQuery q = hydrate(FeedQuery.of("t" + round, round % 2 == 0 ? "u1" : "u2", 10, T0 + round * HOUR, 1, false), cs);
            float[] part = new float[cs.size() * features.width()];
            features.assemble(q.features().get(FeedFeatures.USER), null, q.features().get(FeedFeatures.VIDEOS), cs,
                    q.nowMillis(), part);
            System.arraycopy(part, 0, x, rows * features.width(), part.length);
            for (int i = 0; i < cs.size(); i++) {
                y[(rows + i) * 3] = i % 3 == 0 ? 1f : 0f;
                y[(rows + i) * 3 + 1] = i % 6 == 0 ? 1f : 0f;
                y[(rows + i) * 3 + 2] = i == 0 ? 1f : 0f;
            }
            rows += cs.size();
        }
        RankerDataset data = new RankerDataset(features.schema(), rows, x, y);
        RankerConfig config = new RankerConfig(new RankerShape(RankerArchitecture.SHARED_BOTTOM, 16, 8, 1, 4), 1f, 1f, 3f,
                new TrainingConfig(1e-2f, 64, 1, 1, seed, 1, 1));
        return RankerTrainer.train(data, data, config, ProgressListener.none());
    }
}
