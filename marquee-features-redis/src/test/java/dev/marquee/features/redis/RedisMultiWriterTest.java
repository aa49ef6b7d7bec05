package dev.marquee.features.redis;

import static dev.marquee.features.EventFixtures.HOUR;
import static dev.marquee.features.EventFixtures.MINUTE;
import static dev.marquee.features.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.IdDictionary;
import dev.marquee.events.Event;
import dev.marquee.events.LogRecord;
import dev.marquee.features.EventFixtures;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.features.SegmentKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two writers over disjoint users (as two consumer-group members owning different partitions) and a third node
 * that only reads: the reader sees both writers' users, shared video counters sum both, and the three nodes
 * agree on every dense id. The combined result equals one in-memory store fed with all events.
 */
class RedisMultiWriterTest {
    private static RedisServerProcess server;

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.startOnFreePort();
    }

    @AfterAll
    static void stopRedis() {
        if (server != null) {
            server.close();
        }
    }

    private static RedisFeatureStore node(String writer) {
        return new RedisFeatureStore(RedisStoreConfig.defaults("127.0.0.1", server.port()).withKeyPrefix("multi:")
                .withWriterId(writer).withDictionaryRefreshMillis(0));
    }

    @Test
    void twoWriters_disjointUsers_readerSeesBoth_andDenseIdsAgree() {
        EventFixtures ev = new EventFixtures();
        List<Event> catalogue = List.of(ev.video("v1", "c1", "music", T0 - HOUR), ev.video("v2", "c2", "music", T0 - HOUR),
                ev.video("v3", "c1", "sport", T0), ev.user("a1", "18-24", "FR", "ios", T0), ev.user("b1", "25-34", "FR", "web", T0));
        List<Event> partitionA = new ArrayList<>();
        List<Event> partitionB = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t = T0 + i * MINUTE;
            partitionA.add(ev.view("a" + (i % 2 + 1), "v" + (i % 3 + 1), t, 45));
            partitionA.add(ev.impression("a1", "v3", t));
            partitionB.add(ev.view("b" + (i % 2 + 1), "v" + ((i + 1) % 3 + 1), t + 1000, 50));
            partitionB.add(ev.click("b1", "v2", t + 2000));
            partitionB.add(ev.view("b3", "x" + i, t + 3000, 40));
        }
        try (RedisFeatureStore a = node("p0"); RedisFeatureStore b = node("p1"); RedisFeatureStore reader = node("reader")) {
            List<LogRecord> logA = new ArrayList<>(SyntheticOffsets.from(0, catalogue));
            logA.addAll(SyntheticOffsets.from(logA.size(), partitionA));
            List<LogRecord> logB = SyntheticOffsets.from(0, partitionB);
            // Interleave the two writers' batches as two processes would.
            a.apply(logA.subList(0, 8));
            b.apply(logB.subList(0, 9));
            a.apply(logA.subList(8, logA.size()));
            b.apply(logB.subList(9, logB.size()));

            InMemoryFeatureStore all = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
            List<Event> everything = new ArrayList<>(catalogue);
            everything.addAll(partitionA);
            everything.addAll(partitionB);
            all.apply(SyntheticOffsets.from(0, everything));

            for (String user : List.of("a1", "a2", "b1", "b2", "b3")) {
                assertThat(reader.user(user, T0 + HOUR).known()).as(user).isTrue();
                StoreComparison.sameUser(all, reader, user, T0 + HOUR);
            }
            String[] videos = {"v1", "v2", "v3", "x0", "x5"};
            StoreComparison.sameVideos(all, reader, videos, T0 + HOUR);
            StoreComparison.sameLists(all, reader, "music", new SegmentKey("FR", null, null), 10, T0 + HOUR);
            assertThat(reader.readableOffset()).isEqualTo(Math.max(a.appliedOffset(), b.appliedOffset()));

            for (Function<RedisFeatureStore, IdDictionary> dict : List.<Function<RedisFeatureStore, IdDictionary>>of(
                    RedisFeatureStore::users, RedisFeatureStore::videos, RedisFeatureStore::creators,
                    RedisFeatureStore::categories, RedisFeatureStore::languages)) {
                IdDictionary da = dict.apply(a);
                IdDictionary db = dict.apply(b);
                IdDictionary dr = dict.apply(reader);
                assertThat(db.size()).isEqualTo(da.size());
                assertThat(dr.size()).isEqualTo(da.size()).isPositive();
                for (int id = 0; id < da.size(); id++) {
                    assertThat(db.external(id)).isEqualTo(da.external(id));
                    assertThat(dr.external(id)).isEqualTo(da.external(id));
                }
            }
        }
    }

    @Test
    void reader_resolvesDenseIdsInternedByAWriterAfterItStarted() {
        try (RedisFeatureStore reader = node("late-reader"); RedisFeatureStore writer = node("p9")) {
            EventFixtures ev = new EventFixtures();
            writer.apply(SyntheticOffsets.from(0, List.of(ev.video("late-video", "c9", "news", T0))));
            int dense = writer.videos().find("late-video");
            assertThat(reader.video(dense)).get().extracting(v -> v.videoId()).isEqualTo("late-video");
            assertThat(reader.videos().external(dense)).isEqualTo("late-video");
        }
    }
}
