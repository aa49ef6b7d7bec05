package dev.marquee.feed.retrieval;

import dev.marquee.ann.IndexConfig;
import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.events.Event;
import dev.marquee.events.LogRecord;
import dev.marquee.events.UserProfile;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import dev.marquee.events.Click;
import dev.marquee.feed.hydration.HistoryWeighting;
import dev.marquee.feed.hydration.UserEmbeddingHydrator;
import dev.marquee.feed.hydration.UserFeaturesHydrator;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.models.ProgressListener;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.twotower.TwoTowerConfig;
import dev.marquee.models.twotower.TwoTowerModel;
import dev.marquee.models.twotower.TwoTowerShape;
import dev.marquee.models.twotower.TwoTowerTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Measures merged candidate generation (query hydration, every gated source run one after the other on one
 * thread, merge) on a synthetic store of 50,000 videos and 20,000 users, and prints p50/p99 per stage. Only
 * reports, asserts nothing about time. Not part of the normal suite (surefire skips *Measurement); run with
 * {@code ./mvnw -q -pl marquee-feed verify -Dtest=CandidateGenerationMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CandidateGenerationMeasurement {
    static final int VIDEOS = 50_000, USERS = 20_000, CATEGORIES = 40, CREATORS = 5_000;
    static final long NOW = 1_700_000_000_000L, HOUR = 3_600_000L, DAY = 24 * HOUR;

    @Test
    void mergedCandidateGeneration_latency() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        long t = System.nanoTime();
        List<Event> events = world(random);
        List<LogRecord> records = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            records.add(new LogRecord(i, 0, events.get(i)));
        }
        for (int from = 0; from < records.size(); from += 10_000) {
            store.apply(records.subList(from, Math.min(records.size(), from + 10_000)));
        }
        System.out.printf("world: %,d events applied in %.1f s (%,d videos, %,d users, %,d co-watch edges)%n",
                records.size(), (System.nanoTime() - t) / 1e9, store.stats().videos(), store.stats().users(),
                store.stats().coWatchEdges());

        Path dir = Files.createTempDirectory("marquee-retrieval-measure");
        ExecutorService builds = Executors.newSingleThreadExecutor();
        try (TextVectorStore textStore = TextVectorStore.open(dir.resolve("text"), 384)) {
            t = System.nanoTime();
            syntheticTextVectors(store, textStore, random);
            VideoCatalogue catalogue = VideoCatalogue.fromStore(store);
            VideoTextVectors texts = new VideoTextVectors(textStore, TinyTwoTower.encoder());
            IndexConfig items = IndexConfig.defaults().withStorage(IndexConfig.IndexStorage.MMAP, dir);
            IndexConfig content = items.withEfSearch(100);
            TwoTowerModel model = defaultShapedModel();
            try (RetrievalIndexes indexes = new RetrievalIndexes(catalogue, store.categories(), texts,
                    new RetrievalIndexConfig(items, content, Duration.ofSeconds(1)), builds)) {
                indexes.rebuildFor(model).get(30, TimeUnit.MINUTES);
                System.out.printf("indexes: 2 × %,d vectors (64-d) built in %.1f s; item index %.1f MB%n",
                        catalogue.size(), (System.nanoTime() - t) / 1e9,
                        indexes.current().orElseThrow().items().bytesUsed() / 1e6);
                measure(store, indexes, random);
            } finally {
                model.close();
            }
        } finally {
            builds.shutdownNow();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void measure(InMemoryFeatureStore store, RetrievalIndexes indexes, SplittableRandom random) {
        RetrievalConfig config = RetrievalConfig.defaults();
        VideoCatalogue catalogue = indexes.catalogue();
        UserFeaturesHydrator userHydrator = new UserFeaturesHydrator(store);
        UserEmbeddingHydrator embedHydrator = new UserEmbeddingHydrator(indexes::servingModel, store.videos(),
                HistoryWeighting.defaults());
        List<dev.marquee.core.GatedSource> sources = RetrievalSources.gated(store, indexes, config, Duration.ofMillis(50));
        CandidateMerger merger = new CandidateMerger(store, catalogue, config);
        int warmup = 1_000, runs = 3_000;
        String[] stages = {"hydrate", "two-tower", "co-watch", "content", "segment-popular", "fresh-uploads",
                "trending", "merge", "TOTAL"};
        long[][] wall = new long[stages.length][runs], cpu = new long[stages.length][runs];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long merged = 0;
        for (int i = 0; i < warmup + runs; i++) {
            int r = i - warmup;
            FeedQuery q = FeedQuery.of("r" + i, "u" + random.nextInt(USERS), 20, NOW, i, false);
            long[] wallMarks = new long[stages.length], cpuMarks = new long[stages.length];
            wallMarks[0] = System.nanoTime();
            cpuMarks[0] = threads.getCurrentThreadCpuTime();
            userHydrator.hydrate(q);
            embedHydrator.hydrate(q);
            List<Candidate> all = new ArrayList<>(2_000);
            for (int s = 0; s < sources.size(); s++) {
                wallMarks[s + 1] = System.nanoTime();
                cpuMarks[s + 1] = threads.getCurrentThreadCpuTime();
                if (sources.get(s).gate().open(q)) {
                    all.addAll(sources.get(s).source().fetch(q));
                }
            }
            wallMarks[7] = System.nanoTime();
            cpuMarks[7] = threads.getCurrentThreadCpuTime();
            List<Candidate> out = merger.select(q, all);
            long endWall = System.nanoTime(), endCpu = threads.getCurrentThreadCpuTime();
            if (r < 0) {
                continue;
            }
            for (int s = 0; s < 8; s++) {
                wall[s][r] = (s < 7 ? wallMarks[s + 1] : endWall) - wallMarks[s];
                cpu[s][r] = (s < 7 ? cpuMarks[s + 1] : endCpu) - cpuMarks[s];
            }
            wall[8][r] = endWall - wallMarks[0];
            cpu[8][r] = endCpu - cpuMarks[0];
            merged += out.size();
        }
        System.out.printf("%,d requests after %,d warm-up, one thread, sources sequential; mean merged candidates %.0f%n",
                runs, warmup, merged / (double) runs);
        System.out.printf("%-16s %9s %9s %9s %9s%n", "stage", "wall p50", "wall p99", "cpu p50", "cpu p99");
        for (int s = 0; s < stages.length; s++) {
            long[] w = wall[s].clone(), c = cpu[s].clone();
            Arrays.sort(w);
            Arrays.sort(c);
            System.out.printf("%-16s %9.3f %9.3f %9.3f %9.3f%n", stages[s], w[runs / 2] / 1e6, w[(int) (runs * 0.99)] / 1e6,
                    c[runs / 2] / 1e6, c[(int) (runs * 0.99)] / 1e6);
        }
        filterCost(store, indexes, embedHydrator, random);
    }

    /** Cost of the in-search eligibility filter: the same two-tower searches with and without it, interleaved. */
    private void filterCost(InMemoryFeatureStore store, RetrievalIndexes indexes, UserEmbeddingHydrator embed,
                            SplittableRandom random) {
        int runs = 1_000;
        long[] open = new long[runs], catalogueOnly = new long[runs], eligible = new long[runs];
        var index = indexes.itemIndex().orElseThrow();
        int k = RetrievalConfig.defaults().twoTowerK();
        for (int i = 0; i < runs; i++) {
            FeedQuery q = FeedQuery.of("f" + i, "u" + random.nextInt(USERS), 20, NOW, i, false);
            new UserFeaturesHydrator(store).hydrate(q);
            embed.hydrate(q);
            float[] e = q.features().get(dev.marquee.feed.FeedFeatures.USER_EMBEDDING);
            var user = q.features().get(dev.marquee.feed.FeedFeatures.USER);
            long a = System.nanoTime();
            index.search(e, k, dev.marquee.ann.VectorSearcher.ACCEPT_ALL);
            long b = System.nanoTime();
            index.search(e, k, indexes.catalogue()::contains);
            long c = System.nanoTime();
            index.search(e, k, Eligibility.of(indexes.catalogue(), user, true));
            long d = System.nanoTime();
            open[i] = b - a;
            catalogueOnly[i] = c - b;
            eligible[i] = d - c;
        }
        for (long[] v : new long[][] {open, catalogueOnly, eligible}) {
            Arrays.sort(v);
        }
        System.out.printf("two-tower search k=%d p50: no filter %.3f ms, catalogue filter %.3f ms, catalogue+watched %.3f ms%n",
                k, open[runs / 2] / 1e6, catalogueOnly[runs / 2] / 1e6, eligible[runs / 2] / 1e6);
    }

    /** Videos over 7 days in 40 categories; 80% of users engaged in sessions on Zipf-popular videos of 2 favourites. */
    private static List<Event> world(SplittableRandom random) {
        List<Event> events = new ArrayList<>();
        long seq = 0;
        int perCategory = VIDEOS / CATEGORIES;
        for (int v = 0; v < VIDEOS; v++) {
            long uploaded = NOW - (long) (random.nextDouble() * 7 * DAY);
            events.add(new VideoUpserted("e" + seq++, uploaded, new Video("v" + v, "c" + random.nextInt(CREATORS),
                    "cat" + (v % CATEGORIES), "video " + v, List.of("tag"), 300, uploaded, "en")));
        }
        double[] cumulative = new double[perCategory];
        double sum = 0;
        for (int r = 0; r < perCategory; r++) {
            sum += Math.pow(r + 1, -0.9);
            cumulative[r] = sum;
        }
        String[] countries = {"US", "DE", "FR", "BR", "IN", "JP", "GB", "MX"};
        String[] devices = {"mobile", "desktop", "tv"};
        String[] ages = {"13-17", "18-24", "25-34", "35-54", "55+"};
        for (int u = 0; u < USERS; u++) {
            String user = "u" + u;
            events.add(new UserUpserted("e" + seq++, NOW - 30 * DAY, new UserProfile(user, ages[random.nextInt(5)],
                    countries[random.nextInt(8)], devices[random.nextInt(3)], NOW - 30 * DAY)));
            boolean fresh = random.nextInt(5) == 0;
            int sessions = fresh ? random.nextInt(2) : 2 + random.nextInt(6);
            int[] favourites = {random.nextInt(CATEGORIES), random.nextInt(CATEGORIES)};
            for (int s = 0; s < sessions; s++) {
                long start = NOW - (long) (random.nextDouble() * 3 * DAY);
                int plays = fresh ? 1 : 3 + random.nextInt(6);
                for (int p = 0; p < plays; p++) {
                    int c = favourites[random.nextInt(2)];
                    int rank = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                    int video = (rank < 0 ? -rank - 1 : rank) * CATEGORIES + c;
                    long at = start + p * 3 * 60_000L;
                    events.add(new Click("e" + seq++, at, user, "v" + video, "r"));
                    events.add(new View("e" + seq++, at + 1000, user, "v" + video, "r", random.nextInt(4) == 0 ? 10 : 120));
                }
            }
        }
        events.sort(java.util.Comparator.comparingLong(Event::timestamp));
        return events;
    }

    /** Category centroid plus noise, unit length: clustered like real title vectors, without running MiniLM 50k times. */
    private static void syntheticTextVectors(InMemoryFeatureStore store, TextVectorStore textStore, SplittableRandom random)
            throws java.io.IOException {
        float[][] centre = new float[CATEGORIES][384];
        for (float[] c : centre) {
            for (int k = 0; k < 384; k++) {
                c[k] = (float) random.nextGaussian();
            }
        }
        int n = store.videos().size();
        for (int from = 0; from < n; from += 4096) {
            int to = Math.min(n, from + 4096);
            List<String> ids = new ArrayList<>();
            long[] prints = new long[to - from];
            float[] rows = new float[(to - from) * 384];
            for (int d = from; d < to; d++) {
                Video v = store.video(d).orElseThrow();
                int cat = Integer.parseInt(v.category().substring(3));
                double norm = 0;
                int o = (d - from) * 384;
                for (int k = 0; k < 384; k++) {
                    rows[o + k] = centre[cat][k] + (float) (0.8 * random.nextGaussian());
                    norm += rows[o + k] * rows[o + k];
                }
                for (int k = 0; k < 384; k++) {
                    rows[o + k] /= (float) Math.sqrt(norm);
                }
                ids.add(v.videoId());
                prints[d - from] = VideoTextVectors.fingerprint(v);
            }
            textStore.putAll(ids, prints, rows);
        }
    }

    /** The default (serving-sized) architecture, trained for one tiny epoch: latency, not quality, is measured. */
    private static TwoTowerModel defaultShapedModel() {
        TwoTowerShape shape = TwoTowerShape.defaults();
        TwoTowerConfig config = new TwoTowerConfig(shape, new TrainingConfig(1e-3f, 32, 1, 1, 3L, 1, 1));
        return TwoTowerTrainer.train(DefaultShapeExamples.of(shape, 64, 1L), DefaultShapeExamples.of(shape, 8, 2L),
                config, ProgressListener.none());
    }
}
