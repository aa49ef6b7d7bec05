package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import dev.marquee.events.Event;
import dev.marquee.features.VideoFeatureBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A shared synthetic catalogue in a real store, for property tests: {@value #CREATORS} creators,
 * {@value #CATEGORIES} categories, {@value #ESTABLISHED} established videos (a month old, 1,000+ impressions
 * and some long views) and {@value #FRESH} exploration candidates (half uploaded hours ago, half old but
 * rarely shown). Built once per JVM; read-only afterwards.
 */
final class Catalog {
    static final int CREATORS = 80;
    static final int CATEGORIES = 8;
    static final int ESTABLISHED = 240;
    static final int FRESH = 260;
    static final long NOW = RerankWorld.T0;

    private static Catalog shared;

    final RerankWorld world = new RerankWorld();
    final int[] videos = new int[ESTABLISHED + FRESH];
    final boolean[] exploration = new boolean[ESTABLISHED + FRESH];
    final int[] creator = new int[ESTABLISHED + FRESH];

    static synchronized Catalog shared() {
        if (shared == null) {
            shared = new Catalog();
        }
        return shared;
    }

    private Catalog() {
        SplittableRandom r = new SplittableRandom(7);
        List<Event> events = new ArrayList<>();
        for (int v = 0; v < videos.length; v++) {
            boolean fresh = v >= ESTABLISHED;
            long uploaded = fresh && v % 2 == 0 ? NOW - (1 + r.nextInt(40)) * RerankWorld.HOUR : NOW - 30 * RerankWorld.DAY;
            events.add(world.video("v" + v, "c" + r.nextInt(CREATORS), "k" + r.nextInt(CATEGORIES), uploaded,
                    30 + r.nextInt(600), "en"));
        }
        world.append(events);
        events.clear();
        long t = NOW - 20 * RerankWorld.DAY;
        for (int v = 0; v < videos.length; v++) {
            int impressions = v < ESTABLISHED ? 1_000 + r.nextInt(200) : r.nextInt(30);
            for (int i = 0; i < impressions; i++) {
                String user = "u" + r.nextInt(2_000);
                events.add(world.impression(user, "v" + v, t));
                if (r.nextDouble() < 0.3) {
                    events.add(world.view(user, "v" + v, t + 1_000, 40));
                }
                t += 1_000;
            }
            if (events.size() > 50_000) {
                world.append(events);
                events.clear();
            }
        }
        world.append(events);
        for (int v = 0; v < videos.length; v++) {
            videos[v] = world.dense("v" + v);
            exploration[v] = v >= ESTABLISHED;
        }
        VideoFeatureBatch batch = new VideoFeatureBatch(videos.length);
        world.store.videoFeatures(videos, videos.length, NOW, batch);
        for (int v = 0; v < videos.length; v++) {
            creator[v] = batch.creator(v);
            boolean eligible = batch.uploadAgeHours(v) < 48 || batch.impressionsTotal(v) < 1_000;
            if (eligible != exploration[v]) {
                throw new IllegalStateException("catalogue video v" + v + " exploration status is " + eligible);
            }
        }
    }

    /** n distinct catalogue videos with random scores; exploration candidates score lower on average. */
    List<Candidate> candidates(SplittableRandom r, int n) {
        return candidates(r, n, Integer.MAX_VALUE);
    }

    /** Like {@link #candidates(SplittableRandom, int)} but only videos of the first {@code creators} creators' dense ids. */
    List<Candidate> candidates(SplittableRandom r, int n, int creators) {
        int[] order = new int[videos.length];
        int size = 0;
        for (int v = 0; v < videos.length; v++) {
            if (creator[v] < creators) {
                order[size++] = v;
            }
        }
        n = Math.min(n, size);
        List<Candidate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(size - i);
            int v = order[j];
            order[j] = order[i];
            order[i] = v;
            double score = exploration[v] ? r.nextDouble() * 0.5 : r.nextDouble();
            Candidate c = Candidate.from(videos[v], exploration[v] ? "fresh" : "two-tower", (float) score);
            c.score("ranker", score);
            out.add(c);
        }
        return out;
    }
}
