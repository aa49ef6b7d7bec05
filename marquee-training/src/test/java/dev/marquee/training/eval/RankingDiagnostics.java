package dev.marquee.training.eval;

import dev.marquee.core.PipelineResult;
import dev.marquee.events.FileEventLog;
import dev.marquee.features.UserFeatures;
import dev.marquee.features.VideoFeatureBatch;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.ranking.RankerRows;
import dev.marquee.feed.ranking.RankingFeatures;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.ranker.RankerHeads;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.models.twotower.TwoTowerConfig;
import dev.marquee.models.twotower.TwoTowerModel;
import dev.marquee.models.twotower.TwoTowerTrainer;
import dev.marquee.training.twotower.HoldoutTruth;
import dev.marquee.training.twotower.TwoTowerDatasetBuilder;
import dev.marquee.training.twotower.TwoTowerDatasets;
import dev.marquee.training.twotower.TwoTowerJobConfig;
import dev.marquee.training.twotower.TwoTowerJobListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntToDoubleFunction;

/**
 * Diagnostic loop (not a test): trains the models as {@link EvalJob} does on a generated world, runs the full
 * pipeline once per holdout user, and measures NDCG@10 of several orderings of the SAME scored candidate set
 * (the ranker's weighted score, p(watch) alone, lifetime long views, trending, blends of the ranker with a
 * log-popularity prior, the ranker with one column zeroed) beside the page actually served and the global most-popular list. One run answers
 * "is it the ranker's ordering, the candidate set, or the re-rank?" for many scoring rules at once.
 * <p>
 * Usage (from the worktree, test classpath): {@code RankingDiagnostics DATA_DIR [maxUsers] [epochs]}.
 */
public final class RankingDiagnostics {
    private static final double[] BETAS = {0.5, 1.0, 1.5, 2.0, 3.0};

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int maxUsers = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        EvalConfig config = new EvalConfig(1, epochs, 150_000, 0.3, maxUsers, 20, 7L);
        EvalProgress progress = (phase, done, total) -> { };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (FileEventLog log = FileEventLog.open(data.resolve("events"));
             TextVectorStore store = TextVectorStore.open(data.resolve("text-vectors.bin"), TextEncoder.DIMENSION)) {
            run(log, new VideoTextVectors(store, new TextEncoder(pool, 10_000)), config, progress);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void run(FileEventLog log, VideoTextVectors texts, EvalConfig config, EvalProgress progress) {
        long t0 = System.nanoTime();
        TwoTowerJobConfig d = TwoTowerJobConfig.defaults();
        TwoTowerConfig model = new TwoTowerConfig(d.model().shape(),
                d.model().training().withEpochs(config.epochs(), 1).withSeed(config.seed()));
        TwoTowerJobConfig tt = new TwoTowerJobConfig(model, d.weighting(), d.features(), config.holdoutMillis(),
                d.validationMillis(), TwoTowerJobConfig.AUTO_CUTOFF, d.dedupeWindowMillis(), d.logQSmoothing());
        TwoTowerDatasets data = new TwoTowerDatasetBuilder(tt).build(log, texts, new TwoTowerJobListener() { });
        try (TwoTowerModel twoTower = TwoTowerTrainer.train(data.train(), data.validation(), model, p -> { });
             HeadsStage.Result heads = new HeadsStage(config).run(log, data.cutoffMillis(), progress);
             OfflineFeed feed = new OfflineFeed(data.store(), texts, twoTower, heads.models().ranker())) {
            System.out.printf("trained in %.0f s; heads: %s%n", (System.nanoTime() - t0) / 1e9,
                    heads.heads().models().get("ranker"));
            CatalogueFacts facts = EvalJob.facts(data.store(), data.roster(), feed.catalogue());
            int[] popular = java.util.Arrays.stream(facts.byPopularity()).filter(facts::contains).toArray();
            Map<String, double[]> sums = new LinkedHashMap<>();
            HoldoutTruth truth = data.holdout();
            List<String> users = truth.users();
            int evaluated = 0;
            int width = dev.marquee.feed.ranking.RankerFeatureSchema.WIDTH;
            double[][] colSums = new double[3][width];
            double[] colCounts = new double[3];
            double candidates = 0, relevantInCandidates = 0, relevantTotal = 0;
            for (int i = 0; i < users.size() && evaluated < config.maxUsers(); i++) {
                String u = users.get(i);
                UserFeatures f = data.store().user(u, data.cutoffMillis());
                BitSet relevant = new BitSet();
                EvalJob.relevant(truth.longViews(u), f, data.roster(), data.store(), facts, relevant);
                if (relevant.isEmpty()) {
                    continue;
                }
                evaluated++;
                PipelineResult page = feed.feed("diag-" + i, u, config.pageSize(), data.cutoffMillis(), config.seed() + i);
                RankerRows rows = page.query().features().getOrDefault(RankingFeatures.RANKER_ROWS, null);
                VideoFeatureBatch batch = page.query().features().get(FeedFeatures.VIDEOS);
                UserFeatures user = page.query().features().get(FeedFeatures.USER);
                add(sums, "page", ids(page), relevant);
                add(sums, "popular(global)", unseen(popular, user, facts, 20), relevant);
                if (rows == null) {
                    continue;
                }
                int n = rows.rows();
                candidates += n;
                for (int r = 0; r < n; r++) {
                    relevantInCandidates += relevant.get(rows.videos()[r]) ? 1 : 0;
                }
                relevantTotal += relevant.cardinality();
                double[] lv = new double[n], trend = new double[n], ctrRate = new double[n], lvRate = new double[n];
                for (int b = 0; b < batch.size(); b++) {
                    int r = rows.rowIndex()[b];
                    if (r >= 0) {
                        lv[r] = Math.log1p(batch.longViewsTotal(b));
                        trend[r] = batch.trending(b);
                        ctrRate[r] = batch.ctr(b);
                        lvRate[r] = batch.longViewRate(b);
                    }
                }
                float[] h = rows.heads();
                IntToDoubleFunction score = r -> h[r * 3] + 2.0 * h[r * 3 + 1] + 4.0 * h[r * 3 + 2];
                int[] rankerTop = topRows(n, score, 10);
                for (int r = 0; r < n; r++) {
                    accumulate(colSums[0], colCounts, 0, rows, r);
                    if (relevant.get(rows.videos()[r])) {
                        accumulate(colSums[1], colCounts, 1, rows, r);
                    }
                }
                for (int r : rankerTop) {
                    accumulate(colSums[2], colCounts, 2, rows, r);
                }
                add(sums, "ranker(all cands)", top(n, score, rows), relevant);
                float[] pl = new float[n * 3], ps = new float[n * 3];
                heads.models().logistic().predict(rows.features(), n, pl);
                heads.models().student().predict(rows.features(), n, ps);
                add(sums, "logistic", top(n, r -> pl[r * 3] + 2.0 * pl[r * 3 + 1] + 4.0 * pl[r * 3 + 2], rows), relevant);
                add(sums, "student", top(n, r -> ps[r * 3] + 2.0 * ps[r * 3 + 1] + 4.0 * ps[r * 3 + 2], rows), relevant);
                for (String col : PERTURB) {
                    float[] copy = rows.features().clone();
                    int c = columnOf(col);
                    for (int r = 0; r < n; r++) {
                        copy[r * rows.width() + c] = 0f;
                    }
                    float[] p2 = new float[n * 3];
                    heads.models().ranker().predict(copy, n, p2);
                    add(sums, "ranker " + col + "=0", top(n, r -> p2[r * 3] + 2.0 * p2[r * 3 + 1] + 4.0 * p2[r * 3 + 2], rows), relevant);
                }
                add(sums, "p_watch", top(n, r -> h[r * 3 + RankerHeads.WATCH_30S], rows), relevant);
                add(sums, "p_click", top(n, r -> h[r * 3 + RankerHeads.CLICK], rows), relevant);
                add(sums, "lifetime_long_views", top(n, r -> lv[r], rows), relevant);
                add(sums, "trending", top(n, r -> trend[r], rows), relevant);
                add(sums, "item_long_view_rate", top(n, r -> lvRate[r], rows), relevant);
                double[][] priors = new double[4][n];
                for (int b = 0; b < batch.size(); b++) {
                    int r = rows.rowIndex()[b];
                    if (r >= 0) {
                        priors[0][r] = lv[r];
                        priors[1][r] = Math.log1p(batch.longViews24h(b));
                        priors[2][r] = Math.log1p(batch.impressions24h(b));
                        priors[3][r] = Math.log1p(batch.impressions1h(b));
                    }
                }
                String[] priorNames = {"LVtotal", "LV24h", "imp24h", "imp1h"};
                for (int q = 0; q < priors.length; q++) {
                    double[] prior = priors[q];
                    add(sums, "prior " + priorNames[q], top(n, r -> prior[r], rows), relevant);
                    for (double beta : BETAS) {
                        add(sums, "ln(score)+" + beta + "*" + priorNames[q], top(n, r -> Math.log(score.applyAsDouble(r)) + beta * prior[r], rows), relevant);
                        add(sums, "ln(p_watch)+" + beta + "*" + priorNames[q], top(n, r -> Math.log(h[r * 3 + 1]) + beta * prior[r], rows), relevant);
                    }
                }
            }
            System.out.printf("users %d, mean candidates %.0f, candidate recall %.3f%n", evaluated,
                    candidates / evaluated, relevantInCandidates / Math.max(1, relevantTotal));
            sums.forEach((k, v) -> System.out.printf("%-28s ndcg@10 %.4f  recall@10 %.4f  (n=%.0f)%n", k, v[0] / v[2], v[1] / v[2], v[2]));
            List<String> names = dev.marquee.feed.ranking.RankerFeatureSchema.SCHEMA.numeric();
            System.out.printf("%-32s %10s %10s %10s%n", "column mean", "all cands", "relevant", "ranker top10");
            for (int c = 0; c < names.size(); c++) {
                System.out.printf("%-32s %10.3f %10.3f %10.3f%n", names.get(c), colSums[0][c] / colCounts[0],
                        colSums[1][c] / colCounts[1], colSums[2][c] / colCounts[2]);
            }
            System.out.printf("total %.0f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void add(Map<String, double[]> sums, String key, int[] ranked, BitSet relevant) {
        double[] s = sums.computeIfAbsent(key, k -> new double[3]);
        s[0] += RankedListMetrics.ndcg(ranked, ranked.length, relevant, 10);
        s[1] += RankedListMetrics.recall(ranked, ranked.length, relevant, 10);
        s[2]++;
    }

    /** Columns zeroed at scoring time, one at a time (the untrained-embedding and skew suspects). */
    private static final List<String> PERTURB = List.of("video", "creator", "category", "user_impressions_of_video_24h");

    private static int columnOf(String name) {
        var schema = dev.marquee.feed.ranking.RankerFeatureSchema.SCHEMA;
        int i = schema.numeric().indexOf(name);
        if (i >= 0) {
            return i;
        }
        for (int k = 0; k < schema.categorical().size(); k++) {
            if (schema.categorical().get(k).name().equals(name)) {
                return schema.numericCount() + k;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void accumulate(double[] sums, double[] counts, int which, RankerRows rows, int r) {
        for (int c = 0; c < rows.width(); c++) {
            sums[c] += rows.features()[r * rows.width() + c];
        }
        counts[which]++;
    }

    private static int[] topRows(int n, IntToDoubleFunction score, int k) {
        Integer[] order = new Integer[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(score.applyAsDouble(b), score.applyAsDouble(a)));
        int[] out = new int[Math.min(k, n)];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }

    private static int[] top(int n, IntToDoubleFunction score, RankerRows rows) {
        int k = Math.min(20, n);
        double[] s = new double[n];
        for (int r = 0; r < n; r++) {
            s[r] = score.applyAsDouble(r);
        }
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            order.add(r);
        }
        order.sort((a, b) -> Double.compare(s[b], s[a]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = rows.videos()[order.get(i)];
        }
        return out;
    }

    private static int[] ids(PipelineResult page) {
        return page.items().stream().mapToInt(c -> c.video()).toArray();
    }

    private static int[] unseen(int[] order, UserFeatures user, CatalogueFacts facts, int k) {
        int[] out = new int[k];
        int n = 0;
        for (int i = 0; i < order.length && n < k; i++) {
            int v = order[i];
            if (facts.contains(v) && !user.hasWatched(v) && user.impressionsLast24h(v) <= 3) {
                out[n++] = v;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
