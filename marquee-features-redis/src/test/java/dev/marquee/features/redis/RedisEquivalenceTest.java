package dev.marquee.features.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.Event;
import dev.marquee.events.LogRecord;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.features.SegmentKey;
import dev.marquee.features.SyntheticEventStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Redis store read against the in-memory store after the same synthetic stream, and replayed: applying the
 * same records again (by this writer: offsets; by another writer: event ids) must leave every read unchanged.
 */
class RedisEquivalenceTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long SPAN = 2 * 86_400_000L;
    private static final long NOW = T0 + SPAN;
    private static RedisServerProcess server;
    private static List<LogRecord> log;
    private static InMemoryFeatureStore memory;

    @BeforeAll
    static void setUp() {
        server = RedisServerProcess.startOnFreePort();
        SyntheticEventStream gen = new SyntheticEventStream(300, 400, 11);
        List<Event> events = new ArrayList<>(gen.catalogue(T0));
        events.addAll(gen.interactions(6_000, T0, SPAN));
        log = SyntheticEventStream.asHistory(events, 0);
        memory = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        memory.apply(log);
    }

    @AfterAll
    static void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private static RedisFeatureStore store(String prefix, String writer) {
        return new RedisFeatureStore(RedisStoreConfig.defaults("127.0.0.1", server.port()).withKeyPrefix(prefix)
                .withWriterId(writer));
    }

    @Test
    void replayedStream_readsLikeTheInMemoryStore() {
        try (RedisFeatureStore redis = store("eq:", "w0")) {
            for (int from = 0; from < log.size(); from += 1000) {
                redis.apply(log.subList(from, Math.min(log.size(), from + 1000)));
            }
            assertThat(redis.appliedOffset()).isEqualTo(memory.appliedOffset());
            assertSame(redis);
        }
    }

    @Test
    void applyingTheSameRecordsAgain_changesNoRead() {
        try (RedisFeatureStore first = store("replay:", "w0"); RedisFeatureStore second = store("replay:", "w1")) {
            first.apply(log);
            assertThat(first.apply(log)).as("same writer: offsets already applied").isZero();
            int reapplied = second.apply(log);
            long interactions = log.stream().filter(r -> r.event() instanceof dev.marquee.events.Interaction).count();
            assertThat(reapplied).as("another writer: only the idempotent upserts apply again")
                    .isEqualTo(log.size() - (int) interactions);
            assertSame(second);
        }
    }

    private static void assertSame(RedisFeatureStore redis) {
        for (int u = 0; u < 300; u += 7) {
            StoreComparison.sameUser(memory, redis, "user-" + u, NOW);
        }
        String[] videos = new String[400];
        for (int v = 0; v < videos.length; v++) {
            videos[v] = "video-" + v;
        }
        StoreComparison.sameVideos(memory, redis, videos, NOW);
        StoreComparison.sameVideos(memory, redis, videos, NOW + 3 * 86_400_000L);
        StoreComparison.sameLists(memory, redis, "cat-3", new SegmentKey("FR", null, null), 50, NOW);
        StoreComparison.sameLists(memory, redis, "cat-4", SegmentKey.GLOBAL, 20, NOW + 3_600_000L);
        dev.marquee.features.NeighbourBatch e = new dev.marquee.features.NeighbourBatch(1, 10);
        dev.marquee.features.NeighbourBatch a = new dev.marquee.features.NeighbourBatch(1, 10);
        for (int v = 0; v < 20; v++) {
            memory.coWatch(new int[] {memory.videos().find(videos[v])}, 1, 10, NOW, e);
            redis.coWatch(new int[] {redis.videos().find(videos[v])}, 1, 10, NOW, a);
            assertThat(a.count(0)).as("co-watch count of " + videos[v]).isEqualTo(e.count(0));
            for (int j = 0; j < e.count(0); j++) {
                assertThat(redis.videos().external(a.neighbour(0, j))).isEqualTo(memory.videos().external(e.neighbour(0, j)));
                assertThat(a.weight(0, j)).isCloseTo(e.weight(0, j), org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }
}
