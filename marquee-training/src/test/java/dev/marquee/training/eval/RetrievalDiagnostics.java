package dev.marquee.training.eval;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.GatedSource;
import dev.marquee.events.FileEventLog;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.SegmentKey;
import dev.marquee.features.TopN;
import dev.marquee.features.UserFeatures;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.retrieval.RetrievalConfig;
import dev.marquee.feed.retrieval.SegmentPopularCandidateSource;
import dev.marquee.feed.retrieval.SourceQuota;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.models.twotower.TwoTowerConfig;
import dev.marquee.models.twotower.TwoTowerModel;
import dev.marquee.models.twotower.TwoTowerTrainer;
import dev.marquee.training.twotower.HoldoutTruth;
import dev.marquee.training.twotower.TwoTowerDatasetBuilder;
import dev.marquee.training.twotower.TwoTowerDatasets;
import dev.marquee.training.twotower.TwoTowerJobConfig;
import dev.marquee.training.twotower.TwoTowerJobListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Diagnostic loop (not a test) for issue #5's candidate-generation criteria: trains the two-tower model as
 * {@link EvalJob} does, fetches every source's 1,000-candidate list once per holdout user, and then measures many
 * merge configurations (quotas, trending K, priority order) and segment-popular variants on the SAME lists, over
 * all users and over the new-user slice. One run replaces a dozen {@code marquee eval} runs.
 * <p>
 * Usage (test classpath, e.g. {@code java -cp marquee-training/target/test-classes:marquee-server/target/marquee.jar
 * dev.marquee.training.eval.RetrievalDiagnostics DATA_DIR [maxUsers] [epochs] [specFile]}); each line of the spec
 * file is a merge configuration {@code name trK=600 segK=300 order=tr,tt,cw,ct,seg,fr tt=250 cw=150 ct=50 seg=300
 * fr=50 tr=500} (unset quotas keep serving's); a name starting with {@code segnew} runs segment-popular for new
 * users only (the gate before issue #5), {@code segall} for everyone. Prints Recall@100/200/500/1000 of every
 * source, every configuration's merge, each segment level alone and segment-popular at several priors, over all
 * users, the new users, and the new users the store knew at the cutoff. The ranker is not trained (the pipeline
 * falls back to trending order; only its hydrated query is used).
 */
public final class RetrievalDiagnostics {
    private static final int[] KS = {100, 200, 500, 1000};
    private static final Map<String, double[]> NO_SLICE = new java.util.HashMap<>();
    private static final double[] PRIORS = {1000};
    private static final int[] MIN_SIZES = {50};
    private static final Map<String, String> NAMES = Map.of("tt", "two-tower", "cw", "co-watch", "ct", "content",
            "seg", "segment-popular", "fr", "fresh-uploads", "tr", "trending");

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int maxUsers = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> specs = args.length > 3 ? Files.readAllLines(Path.of(args[3])) : List.of();
        EvalConfig config = new EvalConfig(1, epochs, 150_000, 0.3, maxUsers, 20, 7L);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (FileEventLog log = FileEventLog.open(data.resolve("events"));
             TextVectorStore store = TextVectorStore.open(data.resolve("text-vectors.bin"), TextEncoder.DIMENSION)) {
            run(log, new VideoTextVectors(store, new TextEncoder(pool, 10_000)), config, specs);
        } finally {
            pool.shutdownNow();
        }
    }

    static RetrievalConfig parse(String line, RetrievalConfig base) {
        String[] parts = line.trim().split("\\s+");
        int trK = base.trendingK(), segK = base.segmentK();
        List<String> order = List.of("tt", "cw", "ct", "seg", "fr", "tr");
        Map<String, Integer> q = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=");
            switch (kv[0]) {
                case "trK" -> trK = Integer.parseInt(kv[1]);
                case "segK" -> segK = Integer.parseInt(kv[1]);
                case "order" -> order = List.of(kv[1].split(","));
                default -> q.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        List<SourceQuota> quotas = new ArrayList<>();
        for (String s : order) {
            quotas.add(new SourceQuota(NAMES.get(s), q.getOrDefault(s, base.quota(NAMES.get(s)))));
        }
        RetrievalConfig b = base;
        return new RetrievalConfig(b.twoTowerK(), b.coWatchSeeds(), b.coWatchPerSeed(), b.coWatchK(),
                b.seedHalfLifeMillis(), b.contentSeeds(), b.contentSeedSearches(), b.contentK(), trK, b.topCategories(),
                b.categoryBoost(), segK, b.segmentMinSize(), b.segmentPrior(), b.freshK(), b.freshMaxAgeMillis(),
                b.newUserMaxEngagements(), b.excludeWatched(), quotas, b.target());
    }

    private static void run(FileEventLog log, VideoTextVectors texts, EvalConfig config, List<String> specs) {
        long t0 = System.nanoTime();
        TwoTowerJobConfig d = TwoTowerJobConfig.defaults();
        TwoTowerConfig model = new TwoTowerConfig(d.model().shape(),
                d.model().training().withEpochs(config.epochs(), 1).withSeed(config.seed()));
        TwoTowerJobConfig tt = new TwoTowerJobConfig(model, d.weighting(), d.features(), config.holdoutMillis(),
                d.validationMillis(), TwoTowerJobConfig.AUTO_CUTOFF, d.dedupeWindowMillis(), d.logQSmoothing());
        TwoTowerDatasets data = new TwoTowerDatasetBuilder(tt).build(log, texts, new TwoTowerJobListener() { });
        try (TwoTowerModel twoTower = TwoTowerTrainer.train(data.train(), data.validation(), model, p -> { });
             OfflineFeed feed = new OfflineFeed(data.store(), texts, twoTower, null)) {
            System.out.printf("trained in %.0f s%n", (System.nanoTime() - t0) / 1e9);
            RetrievalConfig serving = feed.servingConfig();
            Map<String, RetrievalConfig> configs = new LinkedHashMap<>();
            configs.put("default", serving);
            for (String s : specs) {
                if (!s.isBlank() && !s.startsWith("#")) {
                    configs.put(s.trim().split("\\s+")[0], parse(s, serving));
                }
            }
            CatalogueFacts facts = EvalJob.facts(data.store(), data.roster(), feed.catalogue());
            int[] popular = java.util.Arrays.stream(facts.byPopularity()).filter(facts::contains).toArray();
            FeatureStore store = data.store();
            long cutoff = data.cutoffMillis();
            Map<String, double[]> all = new LinkedHashMap<>(), fresh = new LinkedHashMap<>();
            int[] counts = new int[3];
            Map<String, double[]> known = new LinkedHashMap<>();
            Map<String, Integer> newUserKinds = new LinkedHashMap<>();
            HoldoutTruth truth = data.holdout();
            List<String> users = truth.users();
            int stride = Math.max(1, (users.size() + config.maxUsers() - 1) / config.maxUsers());
            int holdoutUsers = 0;
            for (int i = 0; i < users.size(); i++) {
                String u = users.get(i);
                UserFeatures f = store.user(u, cutoff);
                BitSet relevant = new BitSet();
                EvalJob.relevant(truth.longViews(u), f, data.roster(), store, facts, relevant);
                if (relevant.isEmpty() || (holdoutUsers++) % stride != 0) {
                    continue;
                }
                FeedQuery query = feed.feed("diag-" + i, u, config.pageSize(), cutoff, config.seed() + i).query();
                UserFeatures user = query.features().get(FeedFeatures.USER);
                boolean isNew = HoldoutLoop.isNew(user, serving.newUserMaxEngagements());
                counts[0]++;
                if (isNew) {
                    counts[1]++;
                    String kind = (user.known() ? "known" : "unknown") + " seg=" + user.segment().level()
                            + " eng=" + user.counts().engagements();
                    newUserKinds.merge(kind, 1, Integer::sum);
                }
                List<GatedSource> sources = feed.wideSources();
                List<List<Candidate>> lists = new ArrayList<>();
                boolean[] open = new boolean[sources.size()];
                for (int s = 0; s < sources.size(); s++) {
                    List<Candidate> list = sources.get(s).source().fetch(query);
                    lists.add(list);
                    open[s] = sources.get(s).gate().open(query);
                    add(all, fresh, isNew, EvalReport.sourceKey(sources.get(s).source().id().name()), k -> HoldoutLoop.ids(list, k), relevant);
                }
                add(all, fresh, isNew, "popular", k -> unseen(popular, user, facts, k), relevant);
                boolean[] openAll = open.clone();
                openAll[3] = true;
                boolean[] openNew = open.clone();
                openNew[3] = isNew;
                for (Map.Entry<String, RetrievalConfig> c : configs.entrySet()) {
                    boolean[] o = c.getKey().startsWith("segnew") ? openNew : c.getKey().startsWith("segall") ? openAll : open;
                    add(all, fresh, isNew, "merged:" + c.getKey(),
                            k -> HoldoutLoop.ids(feed.merge(query, lists, o, k, c.getValue()), k), relevant);
                }
                // segment-popular variants
                SegmentKey seg = user.segment();
                for (SegmentKey key = seg; ; key = key.coarser()) {
                    TopN top = store.segmentTop(key, 1000, cutoff);
                    add(all, fresh, isNew, "seg-level:" + key.level(), k -> java.util.Arrays.copyOf(top.videos(),
                            Math.min(k, top.size())), relevant);
                    if (key.level() == SegmentKey.Level.GLOBAL) {
                        break;
                    }
                }
                int[] segList = HoldoutLoop.ids(lists.get(3), 1000);
                add(all, fresh, isNew, "seg-unseen", k -> unseen(segList, user, facts, k), relevant);
                for (double prior : PRIORS) {
                    for (int minSize : MIN_SIZES) {
                        SegmentPopularCandidateSource v = new SegmentPopularCandidateSource(store, feed.catalogue(),
                                serving.withSegment(1000, minSize, prior));
                        List<Candidate> list = v.fetch(query);
                        add(all, fresh, isNew, "seg a=" + prior + " min=" + minSize, k -> HoldoutLoop.ids(list, k), relevant);
                        if (isNew && user.known()) {
                            add(known, NO_SLICE, false, "seg a=" + prior + " min=" + minSize, k -> HoldoutLoop.ids(list, k), relevant);
                        }
                    }
                }
                if (isNew && user.known()) {
                    add(known, NO_SLICE, false, "popular", k -> unseen(popular, user, facts, k), relevant);
                    add(known, NO_SLICE, false, "trending", k -> HoldoutLoop.ids(lists.get(5), k), relevant);
                    add(known, NO_SLICE, false, "segment-popular(old)", k -> java.util.Arrays.copyOf(segList,
                            Math.min(k, segList.length)), relevant);
                    counts[2]++;
                }
            }
            System.out.printf("users %d, new users %d; new-user kinds %s%n", counts[0], counts[1], newUserKinds);
            print("ALL USERS (" + counts[0] + ")", all, counts[0]);
            print("NEW USERS (" + counts[1] + ")", fresh, counts[1]);
            print("NEW USERS KNOWN TO THE STORE AT THE CUTOFF (" + counts[2] + ")", known, counts[2]);
        }
    }

    private static void add(Map<String, double[]> all, Map<String, double[]> fresh, boolean isNew, String name,
                            java.util.function.IntFunction<int[]> listForK, BitSet relevant) {
        double[] a = all.computeIfAbsent(name, x -> new double[KS.length]);
        double[] f = fresh.computeIfAbsent(name, x -> new double[KS.length]);
        for (int i = 0; i < KS.length; i++) {
            int[] list = listForK.apply(KS[i]);
            double r = RankedListMetrics.recall(list, list.length, relevant, KS[i]);
            a[i] += r;
            if (isNew) {
                f[i] += r;
            }
        }
    }

    private static void print(String title, Map<String, double[]> sums, int users) {
        System.out.printf("%n%s%n%-28s", title, "list");
        for (int k : KS) {
            System.out.printf(Locale.ROOT, " %8s", "@" + k);
        }
        System.out.println();
        sums.forEach((name, s) -> {
            System.out.printf(Locale.ROOT, "%-28s", name);
            for (double v : s) {
                System.out.printf(Locale.ROOT, " %8.4f", users == 0 ? 0 : v / users);
            }
            System.out.println();
        });
    }

    private static int[] unseen(int[] order, UserFeatures user, CatalogueFacts facts, int k) {
        int[] out = new int[Math.min(k, order.length)];
        int n = 0;
        for (int i = 0; i < order.length && n < out.length; i++) {
            int v = order[i];
            if (facts.contains(v) && !user.hasWatched(v) && user.impressionsLast24h(v) <= 3) {
                out[n++] = v;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
