package dev.marquee.bench;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.features.UserFeatures;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.retrieval.CoWatchCandidateSource;
import dev.marquee.feed.retrieval.RetrievalConfig;
import dev.marquee.feed.retrieval.VideoCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Co-watch expansion for one request ({@link CoWatchCandidateSource#fetch}: the user's newest long views as seeds,
 * their decayed neighbour lists read from the store, relative-strength scoring, eligibility, top-N), rotating
 * over the 64 most active users of a 20,000-video synthetic world with topical sessions. Sample mode: p50/p99.
 * <pre>
 * java -cp marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt) org.openjdk.jmh.Main CoWatchBench -rf json
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class CoWatchBench {
    private CoWatchCandidateSource source;
    private final List<FeedQuery> queries = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticWorld world = new SyntheticWorld(20_000, 2_000, 400_000, 5);
        source = new CoWatchCandidateSource(world.store, VideoCatalogue.fromStore(world.store), RetrievalConfig.defaults());
        int seeds = 0;
        for (int u = 0; u < 64; u++) {
            FeedQuery q = FeedQuery.of("r" + u, "u" + u, 20, SyntheticWorld.NOW, u, false);
            UserFeatures user = world.store.user("u" + u, SyntheticWorld.NOW);
            q.features().put(FeedFeatures.USER, user);
            seeds += user.recentLongViews().length;
            queries.add(q);
        }
        int found = 0;
        for (FeedQuery q : queries) {
            found += source.fetch(q).size();
        }
        System.out.printf("%n[co-watch] 64 users: %.1f seeds and %.1f candidates per request on average%n",
                seeds / 64.0, found / 64.0);
    }

    @Benchmark
    public List<Candidate> expand() {
        return source.fetch(queries.get(next++ & 63));
    }
}
