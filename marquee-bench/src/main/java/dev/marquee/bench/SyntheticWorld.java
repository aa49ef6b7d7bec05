package dev.marquee.bench;

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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A feature store filled from synthetic events for benchmarks: {@code videos} videos over 60 creators and 20
 * categories, {@code users} users with power-law activity and topical sessions (consecutive long views within a
 * category, so the co-watch graph has real structure), impressions, clicks and views over the last hours.
 */
final class SyntheticWorld {
    static final long NOW = 1_700_000_000_000L;
    final InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
    final int videos;
    final int users;
    private long seq;
    private long offset;

    SyntheticWorld(int videos, int users, int interactions, long seed) {
        this(videos, users, interactions, seed, false);
    }

    /**
     * @param catalogueText give every video a demo-like title (about 35 characters) and 4 tags drawn from a
     *                      2,000-word vocabulary, each a fresh string as a decoded log record has, instead of the
     *                      shared "t" and no tags (for memory measurements; latency benches keep it off)
     */
    SyntheticWorld(int videos, int users, int interactions, long seed, boolean catalogueText) {
        this.videos = videos;
        this.users = users;
        SplittableRandom r = new SplittableRandom(seed);
        List<Event> events = new ArrayList<>();
        for (int v = 0; v < videos; v++) {
            String title = catalogueText ? title(r) : "t";
            List<String> tags = catalogueText ? List.of(word(r), word(r), word(r), word(r)) : List.of();
            events.add(new VideoUpserted(id(), NOW - 86_400_000L, new Video(new String("v" + v), new String("k" + v % 60),
                    new String("c" + v % 20), title, tags, 30 + v % 600, NOW - 86_400_000L + v, new String("en"))));
        }
        for (int u = 0; u < users; u++) {
            events.add(new UserUpserted(id(), NOW - 86_400_000L,
                    new UserProfile("u" + u, "25-34", "US", "mobile", NOW - 86_400_000L)));
        }
        apply(events);
        int perCategory = Math.max(1, videos / 20);
        for (int i = 0; i < interactions; i++) {
            int user = (int) Math.min(users - 1, Math.floor(Math.pow(users, r.nextDouble())) - 1);
            int category = user % 20;
            int v = category + 20 * r.nextInt(perCategory);
            String u = "u" + Math.max(0, user), vid = "v" + Math.min(videos - 1, v), req = "r" + i;
            long t = NOW - 6 * 3_600_000L + i * (6 * 3_600_000L / Math.max(1, interactions));
            events.add(new Impression(id(), t, u, vid, req, 0));
            if (r.nextDouble() < 0.3) {
                events.add(new Click(id(), t + 100, u, vid, req));
                events.add(new View(id(), t + 200, u, vid, req, 10 + r.nextDouble() * 200));
            }
            if (events.size() >= 10_000) {
                apply(events);
            }
        }
        apply(events);
    }

    private static String title(SplittableRandom r) {
        StringBuilder b = new StringBuilder(48);
        while (b.length() < 30) {
            b.append(b.isEmpty() ? "" : " ").append(word(r));
        }
        return b.toString();
    }

    /** A fresh string of one of 2,000 words (5–9 letters). */
    private static String word(SplittableRandom r) {
        int w = r.nextInt(2_000);
        StringBuilder b = new StringBuilder(9);
        for (int i = 0, x = w * 7919 + 17; i < 5 + w % 5; i++, x = x * 31 + 7) {
            b.append((char) ('a' + Math.floorMod(x, 26)));
        }
        return b.toString();
    }

    private void apply(List<Event> events) {
        List<LogRecord> records = new ArrayList<>(events.size());
        for (Event e : events) {
            records.add(new LogRecord(offset++, 0, e));
        }
        store.apply(records);
        events.clear();
    }

    /** Dense ids of every video, in upsert order ({@code v0, v1, ...}). */
    int[] allVideos() {
        int[] ids = new int[videos];
        for (int v = 0; v < videos; v++) {
            ids[v] = store.videos().find("v" + v);
        }
        return ids;
    }

    /** Dense ids of {@code n} random existing videos. */
    int[] randomVideos(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = store.videos().find("v" + r.nextInt(videos));
        }
        return ids;
    }

    /** Fresh interaction records (offsets continue the log) for update benchmarks. */
    List<LogRecord> interactionBatch(int n, SplittableRandom r) {
        List<LogRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String u = "u" + r.nextInt(users), v = "v" + r.nextInt(videos), req = "r" + seq;
            long t = NOW + seq;
            Event e = switch (i % 4) {
                case 0, 1 -> new Impression(id(), t, u, v, req, i % 20);
                case 2 -> new Click(id(), t, u, v, req);
                default -> new View(id(), t, u, v, req, 5 + r.nextDouble() * 120);
            };
            out.add(new LogRecord(offset++, 0, e));
        }
        return out;
    }

    private String id() {
        return "e" + seq++;
    }
}
