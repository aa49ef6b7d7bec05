package dev.marquee.feed.ranking;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.Impression;
import dev.marquee.events.LogRecord;
import dev.marquee.events.UserProfile;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.features.VideoFeatureBatch;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.ModelHolder;
import dev.marquee.feed.ServingModels;
import dev.marquee.models.ProgressListener;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.ranker.RankerConfig;
import dev.marquee.models.ranker.RankerDataset;
import dev.marquee.models.ranker.RankerModel;
import dev.marquee.models.ranker.RankerShape;
import dev.marquee.models.ranker.RankerTrainer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Reports (never asserts) the latency of scoring 1,000 candidates — features assembled from a real store
 * plus the model's forward pass, heads and scores set — for the MMoE, shared-bottom and student shapes,
 * in calling-thread CPU time. Run explicitly: {@code -Dtest=MultiTaskScorerMeasurement}.
 */
class MultiTaskScorerMeasurement {
    static final long T0 = 1_700_000_000_000L;
    static final int CANDIDATES = 1000, WARMUP = 100, RUNS = 300;
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void measureScoringLatency() {
        InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        List<Event> events = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int v = 0; v < 1200; v++) {
            events.add(new VideoUpserted("up" + v, T0 - 86_400_000L, new Video("v" + v, "k" + v % 60, "c" + v % 20, "t",
                    List.of(), 30 + v % 600, T0 - 86_400_000L + v, v % 5 == 0 ? "es" : "en")));
        }
        events.add(new UserUpserted("uu", T0 - 86_400_000L, new UserProfile("u1", "25-34", "US", "mobile", T0 - 86_400_000L)));
        for (int i = 0; i < 5000; i++) {
            String u = "u" + random.nextInt(300), v = "v" + random.nextInt(1200), r = "r" + i;
            long t = T0 - 3_600_000L + i * 500L;
            events.add(new Impression("i" + i, t, u, v, r, 0));
            if (random.nextDouble() < 0.2) {
                events.add(new Click("c" + i, t + 100, u, v, r));
                events.add(new View("w" + i, t + 200, u, v, r, random.nextDouble() * 90));
            }
        }
        List<LogRecord> records = new ArrayList<>();
        for (Event e : events) {
            records.add(new LogRecord(records.size(), 0, e));
        }
        store.apply(records);

        RankerFeatures features = new RankerFeatures(store, ItemEmbeddings.NONE, true);
        List<Candidate> candidates = new ArrayList<>();
        int[] ids = new int[CANDIDATES];
        for (int i = 0; i < CANDIDATES; i++) {
            Candidate c = Candidate.from(store.videos().find("v" + i), i % 3 == 0 ? "co-watch" : "two-tower", 1f);
            c.row(i);
            ids[i] = c.video();
            candidates.add(c);
        }
        FeedQuery query = FeedQuery.of("r", "u1", 10, T0, 1, false);
        query.features().put(FeedFeatures.USER, store.user("u1", T0));
        VideoFeatureBatch batch = new VideoFeatureBatch(CANDIDATES);
        store.videoFeatures(ids, CANDIDATES, T0, batch);
        query.features().put(FeedFeatures.VIDEOS, batch);
        float[] rows = new float[CANDIDATES * features.width()];
        features.assemble(query.features().get(FeedFeatures.USER), null, batch, candidates, T0, rows);
        float[] labels = new float[CANDIDATES * 3];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextDouble() < 0.1 ? 1f : 0f;
        }
        RankerDataset data = new RankerDataset(features.schema(), CANDIDATES, rows, labels);

        double[] assembly = time(() -> features.assemble(query.features().get(FeedFeatures.USER), null, batch, candidates, T0, rows));
        System.out.printf("feature assembly, %d candidates: p50 %.3f ms, p99 %.3f ms (thread CPU)%n", CANDIDATES, assembly[0], assembly[1]);
        for (RankerShape shape : List.of(RankerShape.mmoe(), RankerShape.sharedBottom(), RankerShape.student())) {
            RankerConfig config = RankerConfig.defaults().withShape(shape).withTraining(TrainingConfig.defaults().withEpochs(1, 1));
            try (RankerModel model = RankerTrainer.train(data, data, config, ProgressListener.none())) {
                ModelHolder holder = new ModelHolder();
                holder.swap(new ServingModels("m", null, model));
                MultiTaskScorer scorer = new MultiTaskScorer(holder, features, ScoreWeights.defaults());
                double[] ms = time(() -> scorer.score(query, candidates));
                System.out.printf("MultiTaskScorer %s %d-%d x%d, %d candidates (features assembled + model): p50 %.2f ms, p99 %.2f ms (thread CPU)%n",
                        shape.architecture(), shape.hidden1(), shape.hidden2(), shape.experts(), CANDIDATES, ms[0], ms[1]);
            }
        }
    }

    static double[] time(Runnable call) {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            call.run();
            ms[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[(int) (RUNS * 0.99)]};
    }
}
