package dev.marquee.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Clock;
import dev.marquee.events.AppendResult;
import dev.marquee.events.Event;
import dev.marquee.events.InMemoryEventLog;
import dev.marquee.events.LogRecord;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Reports (does not assert on) replay throughput, live freshness, batch read latency and memory. Off by
 * default; run with {@code ./mvnw -q -pl marquee-features test -Dtest=FeatureStoreMeasurement
 * -Dmarquee.measure=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "marquee.measure", matches = "true")
class FeatureStoreMeasurement {
    private static final long T0 = EventFixtures.T0;
    private static final int USERS = 20_000;
    private static final int VIDEOS = 50_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void measure() throws Exception {
        freshness(new SyntheticEventStream(USERS, VIDEOS, 7));
        SyntheticEventStream gen = new SyntheticEventStream(USERS, VIDEOS, 42);
        List<Event> events = new ArrayList<>(gen.catalogue(T0));
        events.addAll(gen.interactions(2_000_000, T0, 7 * 86_400_000L));
        List<LogRecord> log = SyntheticEventStream.asHistory(events, 0);
        System.out.printf("stream: %,d events (%,d upserts) over %,d users / %,d videos%n", log.size(), USERS + VIDEOS, USERS, VIDEOS);

        InMemoryFeatureStore store = null;
        long heapBefore = 0;
        for (int run = 1; run <= 3; run++) {
            store = null;
            if (run == 3) {
                heapBefore = usedHeapAfterGc();
            }
            store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
            long start = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            for (int from = 0; from < log.size(); from += 4096) {
                store.apply(log.subList(from, Math.min(log.size(), from + 4096)));
            }
            double secs = (System.nanoTime() - start) / 1e9;
            double cpuSecs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf("replay run %d: wall %.2f s = %,.0f events/s; thread CPU %.2f s = %,.0f events/s per core%n",
                    run, secs, log.size() / secs, cpuSecs, log.size() / cpuSecs);
        }
        long heapStore = usedHeapAfterGc() - heapBefore;
        System.out.printf("heap retained by the replayed store (used heap after full GC, delta): %,d B%n", heapStore);
        reads(store);
        memory(store);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    private void reads(InMemoryFeatureStore store) {
        Random rnd = new Random(1);
        long now = T0 + 7 * 86_400_000L;
        int[] ids = new int[1000];
        VideoFeatureBatch batch = new VideoFeatureBatch(1000);
        long[] nanos = new long[20_000];
        long[] cpuNanos = new long[nanos.length];
        for (int r = 0; r < nanos.length; r++) {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = rnd.nextInt(VIDEOS);
            }
            long c = THREADS.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            store.videoFeatures(ids, 1000, now, batch);
            nanos[r] = System.nanoTime() - s;
            cpuNanos[r] = THREADS.getCurrentThreadCpuTime() - c;
        }
        report("videoFeatures(1,000 videos) wall", nanos);
        report("videoFeatures(1,000 videos) thread CPU", cpuNanos);
        long[] userNanos = new long[20_000];
        for (int r = 0; r < userNanos.length; r++) {
            long s = System.nanoTime();
            UserFeatures u = store.user(rnd.nextInt(USERS), now);
            userNanos[r] = System.nanoTime() - s;
            assertThat(u.offset()).isEqualTo(store.appliedOffset());
        }
        report("user(one user)", userNanos);
        NeighbourBatch nb = new NeighbourBatch(50, 100);
        int[] seeds = new int[50];
        long[] cwNanos = new long[5_000];
        for (int r = 0; r < cwNanos.length; r++) {
            for (int i = 0; i < 50; i++) {
                seeds[i] = (int) (VIDEOS * Math.pow(rnd.nextDouble(), 3));
            }
            long s = System.nanoTime();
            store.coWatch(seeds, 50, 100, now, nb);
            cwNanos[r] = System.nanoTime() - s;
        }
        report("coWatch(50 seeds x 100)", cwNanos);
    }

    private void memory(InMemoryFeatureStore store) {
        StoreState s = store.state();
        FeatureStoreStats stats = store.stats();
        long users = s.users.estimateBytes();
        long videos = s.videos.estimateBytes() + s.coWatch.estimateBytes();
        System.out.printf("stats: %s%n", stats);
        System.out.printf("memory estimate: total %,d B; users %,d B = %,d B/user; videos+co-watch %,d B = %,d B/video "
                        + "(co-watch %,d B); popularity %,d B; event-id window %,d B%n",
                stats.memoryBytes(), users, users / Math.max(1, stats.users()), videos, videos / VIDEOS,
                s.coWatch.estimateBytes(), s.popularity.estimateBytes(), s.eventIds.estimateBytes());
    }

    private void freshness(SyntheticEventStream gen) throws Exception {
        InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<Event> catalogue = gen.catalogue(T0);
        List<Event> live = gen.interactions(60_000, T0 + 8 * 86_400_000L, 12_000L);
        try (InMemoryEventLog log = new InMemoryEventLog()) {
            AppendResult c = log.append(catalogue); // history: appended before the updater exists
            FeatureUpdater updater = new FeatureUpdater(store, log, registry, Clock.SYSTEM).start();
            assertThat(updater.awaitApplied(c.offsets()[c.offsets().length - 1], Duration.ofSeconds(60))).isTrue();
            long start = System.nanoTime();
            long last = -1;
            int perTick = 5; // 5 events per ms = 5,000 events/s
            for (int i = 0; i < live.size(); i += perTick) {
                long due = start + (i / perTick) * 1_000_000L;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                AppendResult r = log.append(live.subList(i, Math.min(live.size(), i + perTick)));
                last = r.offsets()[r.offsets().length - 1];
            }
            double secs = (System.nanoTime() - start) / 1e9;
            assertThat(updater.awaitApplied(last, Duration.ofSeconds(30))).isTrue();
            Timer timer = registry.get(FeatureUpdater.FRESHNESS_TIMER).timer();
            StringBuilder pct = new StringBuilder();
            for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
                pct.append(String.format(" p%.0f=%.2f ms", v.percentile() * 100, v.value(TimeUnit.MILLISECONDS)));
            }
            System.out.printf("live: %,d events in %.1f s (%,.0f events/s); sampler %s; micrometer n=%d%s (ms resolution of appendedAt)%n",
                    live.size(), secs, live.size() / secs, updater.freshness(), timer.count(), pct);
            updater.close();
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1000.0;
        System.out.printf("%s: mean %.1f µs, p50 %.1f µs, p99 %.1f µs (n=%d)%n", what, mean,
                sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0, nanos.length);
    }
}
