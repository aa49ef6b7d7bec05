package dev.marquee.bench;

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
import dev.marquee.feed.ranking.ItemEmbeddings;
import dev.marquee.feed.ranking.MultiTaskScorer;
import dev.marquee.feed.ranking.RankerFeatures;
import dev.marquee.feed.ranking.ScoreWeights;
import dev.marquee.models.ProgressListener;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.ranker.RankerConfig;
import dev.marquee.models.ranker.RankerDataset;
import dev.marquee.models.ranker.RankerModel;
import dev.marquee.models.ranker.RankerShape;
import dev.marquee.models.ranker.RankerTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ranking one request of 1,000 candidates on one thread: {@link MultiTaskScorer#score} with features
 * assembled from a real in-memory feature store, the forward pass, heads and scores (the target:
 * p99 ≤ 5 ms; the student faster). Sample mode reports the latency distribution (p50/p99). The model is
 * trained for one epoch in setup: latency does not depend on the weights' values.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-Dai.djl.offline=true"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class RankerScoringBench {
    private static final long T0 = 1_700_000_000_000L;
    private static final int CANDIDATES = 1000;

    @Param({"mmoe", "shared-bottom", "student"})
    public String shape;

    private RankerModel model;
    private MultiTaskScorer scorer;
    private FeedQuery query;
    private List<Candidate> candidates;

    @Setup(Level.Trial)
    public void setUp() {
        InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        List<Event> events = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int v = 0; v < 1200; v++) {
            events.add(new VideoUpserted("up" + v, T0 - 86_400_000L, new Video("v" + v, "k" + v % 60, "c" + v % 20, "t",
                    List.of(), 30 + v % 600, T0 - 86_400_000L + v, "en")));
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
        candidates = new ArrayList<>();
        int[] ids = new int[CANDIDATES];
        for (int i = 0; i < CANDIDATES; i++) {
            Candidate c = Candidate.from(store.videos().find("v" + i), "two-tower", 1f);
            c.row(i);
            ids[i] = c.video();
            candidates.add(c);
        }
        query = FeedQuery.of("r", "u1", 10, T0, 1, false);
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
        RankerShape s = switch (shape) {
            case "mmoe" -> RankerShape.mmoe();
            case "shared-bottom" -> RankerShape.sharedBottom();
            default -> RankerShape.student();
        };
        RankerDataset data = new RankerDataset(features.schema(), CANDIDATES, rows, labels);
        model = RankerTrainer.train(data, data, RankerConfig.defaults().withShape(s)
                .withTraining(TrainingConfig.defaults().withEpochs(1, 1)), ProgressListener.none());
        ModelHolder holder = new ModelHolder();
        holder.swap(new ServingModels("bench", null, model));
        scorer = new MultiTaskScorer(holder, features, ScoreWeights.defaults());
    }

    @Benchmark
    public double score() {
        scorer.score(query, candidates);
        return candidates.get(0).score();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
    }
}
