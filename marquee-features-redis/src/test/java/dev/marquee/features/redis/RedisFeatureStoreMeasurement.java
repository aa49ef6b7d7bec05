package dev.marquee.features.redis;

import dev.marquee.events.Event;
import dev.marquee.events.LogRecord;
import dev.marquee.features.SyntheticEventStream;
import dev.marquee.features.VideoFeatureBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import redis.clients.jedis.RedisClient;

/**
 * Reports (does not assert on) apply throughput, batch read latency and Redis memory per user and per video on
 * loopback. Off by default; run with {@code ./mvnw -q -pl marquee-features-redis test
 * -Dtest=RedisFeatureStoreMeasurement -Dmarquee.measure=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (sizes: -Dmeasure.users, -Dmeasure.videos, -Dmeasure.events).
 */
@EnabledIfSystemProperty(named = "marquee.measure", matches = "true")
class RedisFeatureStoreMeasurement {
    private static final long T0 = 1_700_000_000_000L;
    private static final long SPAN = 7 * 86_400_000L;

    @Test
    void measure() {
        int users = Integer.getInteger("measure.users", 20_000);
        int videos = Integer.getInteger("measure.videos", 50_000);
        int interactions = Integer.getInteger("measure.events", 500_000);
        try (RedisServerProcess server = RedisServerProcess.startOnFreePort();
             RedisClient admin = RedisClient.create("127.0.0.1", server.port());
             RedisFeatureStore store = new RedisFeatureStore(RedisStoreConfig.defaults("127.0.0.1", server.port()))) {
            long memBefore = usedMemory(admin);
            SyntheticEventStream gen = new SyntheticEventStream(users, videos, 42);
            List<Event> events = new ArrayList<>(gen.catalogue(T0));
            events.addAll(gen.interactions(interactions, T0, SPAN));
            List<LogRecord> log = SyntheticEventStream.asHistory(events, 0);
            timedApply(store, admin, "catalogue upserts", log.subList(0, users + videos));
            timedApply(store, admin, "interactions", log.subList(users + videos, log.size()));
            long memAfter = usedMemory(admin);
            System.out.printf("redis used_memory: %,d B for %,d users + %,d videos (%,.0f B per user+video pair of the stream)%n",
                    memAfter - memBefore, users, videos, (memAfter - memBefore) / (double) (users + videos));
            memory(admin, store, users, videos);
            reads(store, videos, users);
        }
    }

    private static void reads(RedisFeatureStore store, int videos, int users) {
        Random rnd = new Random(1);
        long now = T0 + SPAN;
        int[] ids = new int[1000];
        VideoFeatureBatch batch = new VideoFeatureBatch(1000);
        int rounds = 2_000;
        long[] lat = new long[rounds];
        for (int r = -300; r < rounds; r++) {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = rnd.nextInt(videos);
            }
            long t = System.nanoTime();
            store.videoFeatures(ids, ids.length, now, batch);
            if (r >= 0) {
                lat[r] = System.nanoTime() - t;
            }
        }
        report("videoFeatures(1,000 random videos)", lat);
        report("  baseline: bare MGET of the same 1,000 video records", baselineMget(store, videos, rnd));
        long[] ul = new long[5_000];
        for (int r = -500; r < ul.length; r++) {
            int u = (int) (users * Math.pow(rnd.nextDouble(), 2));
            long t = System.nanoTime();
            store.user(u, now);
            if (r >= 0) {
                ul[r] = System.nanoTime() - t;
            }
        }
        report("user(dense) (active-biased users)", ul);
        long[] tl = new long[2_000];
        for (int r = -200; r < tl.length; r++) {
            long t = System.nanoTime();
            store.trending(100, now);
            if (r >= 0) {
                tl[r] = System.nanoTime() - t;
            }
        }
        report("trending(100)", tl);
    }

    private static void timedApply(RedisFeatureStore store, RedisClient admin, String what, List<LogRecord> log) {
        admin.sendCommand(redis.clients.jedis.Protocol.Command.CONFIG, "RESETSTAT");
        long start = System.nanoTime();
        for (int from = 0; from < log.size(); from += 4096) {
            store.apply(log.subList(from, Math.min(log.size(), from + 4096)));
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("apply %s: %,d events in %.1f s = %,.0f events/s (one writer, batches of 4,096, %d per MULTI)%n",
                what, log.size(), secs, log.size() / secs, store.config().maxEventsPerTransaction());
        for (String line : admin.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_exec") || line.startsWith("cmdstat_evalsha")) {
                System.out.println("  server " + line);
            }
        }
    }

    private static long[] baselineMget(RedisFeatureStore store, int videos, Random rnd) {
        long[] lat = new long[2_000];
        try (RedisClient c = RedisClient.create(store.config().host(), store.config().port())) {
            byte[][] keys = new byte[1000][];
            for (int r = -300; r < lat.length; r++) {
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = (store.config().keyPrefix() + "v:" + rnd.nextInt(videos)).getBytes();
                }
                long t = System.nanoTime();
                c.mget(keys);
                if (r >= 0) {
                    lat[r] = System.nanoTime() - t;
                }
            }
        }
        return lat;
    }

    private static void memory(RedisClient admin, RedisFeatureStore store, int users, int videos) {
        String p = store.config().keyPrefix();
        Random rnd = new Random(3);
        long userBytes = 0;
        long userKeys = 0;
        long blobBytes = 0;
        for (int i = 0; i < 2_000; i++) {
            String k = p + "u:" + rnd.nextInt(users);
            Long m = admin.memoryUsage(k);
            if (m != null) {
                userBytes += m;
                userKeys++;
                blobBytes += admin.strlen(k);
            }
        }
        System.out.printf("user blob: %,.0f B in Redis (MEMORY USAGE), %,.0f B payload, avg over %d sampled users with state%n",
                userBytes / (double) userKeys, blobBytes / (double) userKeys, userKeys);
        long[] sums = new long[4];
        long[] counts = new long[4];
        String[] kinds = {"v:", "vm:", "cw:", "g:r:"};
        long cwEpoch = Math.floorDiv(T0 + SPAN, 7 * 86_400_000L * EpochDecay.EPOCH_HALF_LIVES);
        for (int i = 0; i < 2_000; i++) {
            int v = rnd.nextInt(videos);
            String[] keys = {p + "v:" + v, p + "vm:" + v, p + "cw:" + v + ":" + cwEpoch, p + "g:r:" + (v % (videos / 10 + 1))};
            for (int k = 0; k < keys.length; k++) {
                Long m = admin.memoryUsage(keys[k]);
                sums[k] += m == null ? 0 : m;
                counts[k] += m == null ? 0 : 1;
            }
        }
        for (int k = 0; k < kinds.length; k++) {
            System.out.printf("%-5s %,8.0f B per key present (%d of 2,000 sampled videos have one)%n", kinds[k],
                    counts[k] == 0 ? 0.0 : sums[k] / (double) counts[k], counts[k]);
        }
        long eventIdBytes = 0;
        int eventIds = 0;
        for (String k : admin.scan("0", new redis.clients.jedis.params.ScanParams().match(p + "e:*").count(2_000)).getResult()) {
            eventIdBytes += admin.memoryUsage(k);
            eventIds++;
        }
        System.out.printf("e:    %,8.0f B per remembered event id (kept eventIdTtl; %d sampled)%n",
                eventIdBytes / (double) Math.max(1, eventIds), eventIds);
        System.out.println("redis keys: " + admin.dbSize());
    }

    private static long usedMemory(RedisClient admin) {
        for (String line : admin.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring(12).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%s: n=%d p50=%.3f ms p99=%.3f ms max=%.3f ms%n", what, s.length, s[s.length / 2] / 1e6,
                s[(int) Math.ceil(0.99 * s.length) - 1] / 1e6, s[s.length - 1] / 1e6);
    }
}
