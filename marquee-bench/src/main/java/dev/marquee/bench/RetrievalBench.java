package dev.marquee.bench;

import dev.marquee.ann.ExactIndex;
import dev.marquee.ann.IndexConfig;
import dev.marquee.ann.IvfIndex;
import dev.marquee.ann.VectorBatch;
import dev.marquee.ann.VectorIndex;
import dev.marquee.core.Candidate;
import dev.marquee.core.CandidateSource;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Gate;
import dev.marquee.core.GatedSource;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.retrieval.CandidateMerger;
import dev.marquee.feed.retrieval.CoWatchCandidateSource;
import dev.marquee.feed.retrieval.FreshUploadsCandidateSource;
import dev.marquee.feed.retrieval.HistoryGate;
import dev.marquee.feed.retrieval.ModelLoadedGate;
import dev.marquee.feed.retrieval.RetrievalConfig;
import dev.marquee.feed.retrieval.RetrievalIndexConfig;
import dev.marquee.feed.retrieval.SegmentPopularCandidateSource;
import dev.marquee.feed.retrieval.TrendingCandidateSource;
import dev.marquee.feed.retrieval.TwoTowerCandidateSource;
import dev.marquee.feed.retrieval.VideoCatalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Merged candidate generation for one request (issue #5: p99 ≤ 5 ms on one core at 1M videos): each source alone
 * and all of them behind their production gates followed by {@link CandidateMerger}, on one thread, over a
 * {@link SyntheticWorld} of 50k or 1M videos, rotating over 256 users (Zipf activity, so most have history).
 * The two-tower source searches behind the {@link VectorIndex} seam: serving's choice for the catalogue size
 * ({@link RetrievalIndexConfig#usesIvf}: the IVF index at both sizes with the defaults; the exact scan below the
 * threshold) over clustered, embedding-like 64-d vectors ({@link ClusteredVectors}). The content
 * source is not included: it needs an index generation built from a trained model and text vectors
 * ({@code RetrievalIndexes}), which is measured by {@code CandidateGenerationMeasurement} at 50k.
 * <pre>
 * bin/bench-jmh.sh /tmp/jmh RetrievalBench          # or, one size:
 * java -cp marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt) org.openjdk.jmh.Main RetrievalBench -p videos=50000 -rf json
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class RetrievalBench {
    private static final int DIMENSION = 64, QUERIES = 256;

    @Param({"50000", "1000000"})
    public int videos;

    private final List<FeedQuery> queries = new ArrayList<>();
    private List<GatedSource> sources;
    private CandidateMerger merger;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        long t = System.nanoTime();
        int users = 20_000;
        SyntheticWorld world = new SyntheticWorld(videos, users, Math.max(400_000, videos), 11);
        RetrievalConfig config = RetrievalConfig.defaults();
        VideoCatalogue catalogue = VideoCatalogue.fromStore(world.store);
        SplittableRandom random = new SplittableRandom(13);
        int[] ids = world.allVideos();
        ClusteredVectors embeddings = new ClusteredVectors(DIMENSION, Math.max(50, ids.length / 1000), 7);
        VectorBatch sample = embeddings.sample(ids.length, 0, 11);
        VectorBatch batch = new VectorBatch(ids, sample.vectors(), DIMENSION);
        RetrievalIndexConfig indexConfig = RetrievalIndexConfig.defaults();
        IndexConfig itemConfig = indexConfig.items().withDimension(DIMENSION);
        VectorIndex items = indexConfig.usesIvf(ids.length) ? IvfIndex.build(batch, itemConfig) : ExactIndex.of(batch);
        float[][] userVectors = embeddings.queries(QUERIES, 13);
        Duration budget = Duration.ofMillis(50);
        sources = List.of(
                new GatedSource(new TwoTowerCandidateSource(() -> Optional.of(items), catalogue, config),
                        new ModelLoadedGate(), budget, true),
                new GatedSource(new CoWatchCandidateSource(world.store, catalogue, config), new HistoryGate(1), budget, true),
                new GatedSource(new SegmentPopularCandidateSource(world.store, catalogue, config), Gate.ALWAYS, budget, true),
                new GatedSource(new FreshUploadsCandidateSource(world.store, catalogue, config), Gate.ALWAYS, budget, true),
                new GatedSource(new TrendingCandidateSource(world.store, catalogue, config), Gate.ALWAYS, budget, true));
        merger = new CandidateMerger(world.store, catalogue, config);
        for (int q = 0; q < QUERIES; q++) {
            int user = (int) Math.min(users - 1, Math.floor(Math.pow(users, random.nextDouble())));
            FeedQuery query = FeedQuery.of("r" + q, "u" + user, 20, SyntheticWorld.NOW, q, false);
            query.features().put(FeedFeatures.USER, world.store.user("u" + user, SyntheticWorld.NOW));
            query.features().put(FeedFeatures.USER_EMBEDDING, userVectors[q]);
            queries.add(query);
        }
        long merged = 0;
        for (FeedQuery q : queries) {
            merged += merged(q).size();
        }
        System.out.printf("%n[retrieval] %,d videos, %,d users, world + two-tower index in %.1f s; %.0f merged candidates"
                + " per request on average%n", videos, users, (System.nanoTime() - t) / 1e9, merged / (double) QUERIES);
    }

    private FeedQuery nextQuery() {
        return queries.get(next++ & (QUERIES - 1));
    }

    private List<Candidate> alone(int source) {
        FeedQuery q = nextQuery();
        GatedSource g = sources.get(source);
        return g.gate().open(q) ? g.source().fetch(q) : List.of();
    }

    private List<Candidate> merged(FeedQuery q) {
        List<Candidate> all = new ArrayList<>(2_000);
        for (GatedSource g : sources) {
            if (g.gate().open(q)) {
                CandidateSource s = g.source();
                all.addAll(s.fetch(q));
            }
        }
        return merger.select(q, all);
    }

    @Benchmark
    public List<Candidate> twoTower() {
        return alone(0);
    }

    @Benchmark
    public List<Candidate> coWatch() {
        return alone(1);
    }

    @Benchmark
    public List<Candidate> segmentPopular() {
        return alone(2);
    }

    @Benchmark
    public List<Candidate> freshUploads() {
        return alone(3);
    }

    @Benchmark
    public List<Candidate> trending() {
        return alone(4);
    }

    /** Every open source, then the merger: one request's candidate generation, sequential on one core. */
    @Benchmark
    public List<Candidate> merged() {
        return merged(nextQuery());
    }
}
