package dev.marquee.bench;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.events.Event;
import dev.marquee.events.Impression;
import dev.marquee.events.InMemoryEventLog;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.rerank.BlockList;
import dev.marquee.feed.rerank.ItemEmbeddings;
import dev.marquee.feed.rerank.RerankConfig;
import dev.marquee.feed.rerank.RerankStage;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.features.VideoFeatureBatch;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole re-rank stage (business rules, seen videos, exploration, creator diversity, page) on 500 scored,
 * hydrated candidates from a real in-memory feature store, one thread. Sample mode reports p50/p99 (target:
 * p99 ≤ 0.5 ms on one core). Every invocation gets fresh candidates (the stage mutates them: decisions,
 * propensity, positions), built and hydrated in an invocation-level setup outside the measured call.
 * Catalogue: 80 creators, 8 categories, 240 established videos (1,000+ impressions) and 260 exploration
 * candidates; the user is known, with long views and recent impressions, so both filters do real work.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class RerankBench {
    private static final int VIDEOS = 500;
    private static final int ESTABLISHED = 240;
    private static final long NOW = 1_700_000_000_000L;
    private static final long HOUR = 3_600_000L;

    @Param({"20"})
    public int limit;

    @Param({"false", "true"})
    public boolean explain;

    private InMemoryFeatureStore store;
    private RerankStage stage;
    private final int[] videos = new int[VIDEOS];
    private final VideoFeatureBatch batch = new VideoFeatureBatch(VIDEOS);
    private final SplittableRandom random = new SplittableRandom(1);
    private long seq;
    private FeedQuery query;
    private List<Candidate> candidates;

    @Setup(Level.Trial)
    public void catalogue() {
        InMemoryEventLog log = new InMemoryEventLog();
        store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        SplittableRandom r = new SplittableRandom(7);
        List<Event> events = new ArrayList<>();
        for (int v = 0; v < VIDEOS; v++) {
            long uploaded = v >= ESTABLISHED && v % 2 == 0 ? NOW - (1 + r.nextInt(40)) * HOUR : NOW - 720 * HOUR;
            events.add(new VideoUpserted(id(), uploaded, new Video("v" + v, "c" + r.nextInt(80), "k" + r.nextInt(8),
                    "t", List.of(), 30 + r.nextInt(600), uploaded, "en")));
        }
        long t = NOW - 480 * HOUR;
        for (int v = 0; v < VIDEOS; v++) {
            int impressions = v < ESTABLISHED ? 1_000 + r.nextInt(200) : r.nextInt(30);
            for (int i = 0; i < impressions; i++, t += 1_000) {
                String user = "u" + r.nextInt(2_000);
                events.add(new Impression(id(), t, user, "v" + v, "r", 0));
                if (r.nextDouble() < 0.3) {
                    events.add(new View(id(), t + 1, user, "v" + v, "r", 40));
                }
            }
        }
        for (int i = 0; i < 40; i++) {
            events.add(new View(id(), NOW - 2 * HOUR + i, "bench-user", "v" + r.nextInt(VIDEOS), "r", 60));
            events.add(new Impression(id(), NOW - HOUR + i, "bench-user", "v" + r.nextInt(VIDEOS), "r", 0));
        }
        log.append(events);
        store.apply(log.read(0, Integer.MAX_VALUE));
        for (int v = 0; v < VIDEOS; v++) {
            videos[v] = store.videos().find("v" + v);
        }
        stage = RerankStage.standard(RerankConfig.defaults(), BlockList.empty(), store.languages(), ItemEmbeddings.NONE);
    }

    @Setup(Level.Invocation)
    public void request() {
        candidates = new ArrayList<>(VIDEOS);
        int[] ids = new int[VIDEOS];
        for (int v = 0; v < VIDEOS; v++) {
            double score = v >= ESTABLISHED ? random.nextDouble() * 0.5 : random.nextDouble();
            Candidate c = Candidate.from(videos[v], "bench", (float) score);
            c.score("ranker", score);
            c.row(v);
            ids[v] = videos[v];
            candidates.add(c);
        }
        query = FeedQuery.of("bench", "bench-user", limit, NOW, random.nextLong(), explain);
        query.features().put(FeedFeatures.USER, store.user("bench-user", NOW));
        store.videoFeatures(ids, VIDEOS, NOW, batch);
        query.features().put(FeedFeatures.VIDEOS, batch);
    }

    @Benchmark
    public List<Candidate> rerank() {
        return stage.apply(query, candidates);
    }

    private String id() {
        return "e" + seq++;
    }
}
