package dev.marquee.training.twotower;

import dev.marquee.core.Clock;
import dev.marquee.events.FileEventLog;
import dev.marquee.feed.hydration.UserTowerInputs;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.features.UserFeatures;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.models.twotower.ContentScoreCalibration;
import dev.marquee.models.twotower.FreshTierPolicy;
import dev.marquee.models.twotower.TwoTowerModel;
import dev.marquee.training.registry.ModelRegistry;
import dev.marquee.training.registry.VersionManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Issue #4 cold-start diagnosis, a main that only prints. Arg 0: a data directory already trained by
 * {@code marquee train --data DIR --model two-tower} (events, text-vectors.bin, models/). Rebuilds the datasets,
 * loads the newest two-tower version and measures: full vs content-only user·item scores over validation pairs of
 * trained videos, where relevant new videos rank, how concentrated content-only vectors are, and the holdout
 * report with and without the calibrated two-tier search.
 */
public final class ColdStartDiagnostic {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/csdef");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (FileEventLog log = FileEventLog.open(dir.resolve("events"));
             TextVectorStore store = TextVectorStore.open(dir.resolve("text-vectors.bin"), TextEncoder.DIMENSION)) {
            ModelRegistry registry = new ModelRegistry(dir.resolve("models"), Clock.SYSTEM);
            List<VersionManifest> versions = registry.list(TwoTowerTrainJob.KIND);
            String version = args.length > 1 ? args[1] : versions.getLast().version();
            System.out.println("model version " + version);
            TwoTowerJobConfig config = TwoTowerJobConfig.defaults();
            TwoTowerDatasets data = new TwoTowerDatasetBuilder(config).build(log,
                    new VideoTextVectors(store, new TextEncoder(pool, 0)), new TwoTowerDefaultWorldMeasurement.PrintingListener());
            try (TwoTowerModel model = TwoTowerModel.load(registry.load(TwoTowerTrainJob.KIND, version).directory())) {
                run(model, data, config);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void run(TwoTowerModel model, TwoTowerDatasets data, TwoTowerJobConfig config) {
        VideoRoster roster = data.roster();
        int n = roster.size(), d = model.dimension();
        float[] full = model.embedItems(data.catalogue());
        float[] content = model.embedItemsContentOnly(data.catalogue());
        int trained = 0, fresh = 0;
        for (int v = 0; v < n; v++) {
            if (roster.trainPositives(v) > 0) {
                trained++;
            } else if (roster.video(v).uploadedAt() >= data.cutoffMillis()) {
                fresh++;
            }
        }
        System.out.printf(Locale.ROOT, "roster %d videos: %d trained, %d untrained (%d uploaded in the holdout)%n",
                n, trained, n - trained, fresh);

        // 1. full vs content-only scores over real (user, positive trained video) validation pairs
        float[][] s = FreshTierFit.pairedScores(model, data);
        System.out.printf(Locale.ROOT, "validation pairs of trained videos: %d%n", s[0].length);
        System.out.printf(Locale.ROOT, "  user·item full:    mean %.4f sd %.4f%n", mean(s[1]), sd(s[1]));
        System.out.printf(Locale.ROOT, "  user·item content: mean %.4f sd %.4f%n", mean(s[0]), sd(s[0]));
        System.out.printf(Locale.ROOT, "  corr(content, full) %.4f; fit %s%n", corr(s[0], s[1]), ContentScoreCalibration.fit(s[0], s[1]));
        double selfCos = 0;
        for (int v = 0; v < n; v++) {
            if (roster.trainPositives(v) > 0) {
                selfCos += dot(full, v * d, content, v * d, d);
            }
        }
        System.out.printf(Locale.ROOT, "  mean cos(full_v, content_v) over trained videos %.4f%n", selfCos / trained);

        // 2. concentration: mean pairwise cosine on 2000-video samples
        SplittableRandom r = new SplittableRandom(7);
        System.out.printf(Locale.ROOT, "mean pairwise cosine: full(trained) %.4f, content(trained) %.4f, content(new) %.4f, full(new, random id row) %.4f%n",
                pairwise(full, pick(roster, data, r, 0), d), pairwise(content, pick(roster, data, r, 0), d),
                pairwise(content, pick(roster, data, r, 1), d), pairwise(full, pick(roster, data, r, 1), d));

        // 3. where relevant new videos rank, content-only embedding in the pooled catalogue (as evaluated)
        CatalogueEmbeddings e = CatalogueEmbeddings.of(model, roster, data.catalogue());
        UserTowerInputs inputs = UserTowerInputs.forModel(model, data.store().videos(), config.weighting());
        List<Integer> ranks = new ArrayList<>();
        List<Float> gaps = new ArrayList<>();
        int[] storeIds = new int[n];
        Arrays.setAll(storeIds, v -> data.store().videos().find(roster.video(v).videoId()));
        for (String u : data.holdout().users()) {
            int[] fresh4u = Arrays.stream(data.holdout().longViews(u))
                    .filter(v -> roster.video(v).uploadedAt() >= data.cutoffMillis()).toArray();
            if (fresh4u.length == 0) {
                continue;
            }
            UserFeatures f = data.store().user(u, data.cutoffMillis());
            float[] q = model.embedUsers(inputs.batch(List.of(f)));
            float[] scores = new float[n];
            for (int v = 0; v < n; v++) {
                boolean seen = storeIds[v] >= 0 && f.hasWatched(storeIds[v]);
                scores[v] = seen ? Float.NEGATIVE_INFINITY : dot(q, 0, e.vectors(), v * d, d);
            }
            float[] sorted = scores.clone();
            Arrays.sort(sorted);
            float at500 = sorted[n - 500];
            for (int v : fresh4u) {
                int rank = 0;
                for (int w = 0; w < n; w++) {
                    if (scores[w] > scores[v]) {
                        rank++;
                    }
                }
                ranks.add(rank);
                gaps.add(at500 - scores[v]);
            }
        }
        int[] rk = ranks.stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] gp = new float[gaps.size()];
        for (int i = 0; i < gp.length; i++) {
            gp[i] = gaps.get(i);
        }
        System.out.printf(Locale.ROOT, "relevant new pairs %d: rank min %d p10 %d median %d p90 %d (of %d); score gap to the 500th: mean %.4f%n",
                rk.length, rk[0], rk[rk.length / 10], rk[rk.length / 2], rk[rk.length * 9 / 10], n, mean(gp));

        // 4. the holdout report: pooled (as before) vs calibrated tiers
        RetrievalEvaluation eval = new RetrievalEvaluation(config.weighting());
        System.out.println("--- pooled search (before) ---");
        System.out.println(eval.evaluate(model, data, e).table());
        FreshTierPolicy rule = FreshTierFit.rule(data);
        CatalogueEmbeddings tiered = CatalogueEmbeddings.of(model, roster, data.catalogue(), rule);
        FreshTierFit.Fit fit = FreshTierFit.fit(model, data, tiered, rule);
        System.out.println(fit.table());
        System.out.println("--- fresh tier " + fit.policy() + " (chosen on validation) ---");
        System.out.println(eval.evaluate(model, data, tiered, fit.policy()).table());
    }

    private static int[] pick(VideoRoster roster, TwoTowerDatasets data, SplittableRandom r, int kind) {
        List<Integer> ids = new ArrayList<>();
        for (int v = 0; v < roster.size(); v++) {
            boolean ok = kind == 0 ? roster.trainPositives(v) > 0
                    : roster.trainPositives(v) == 0 && roster.video(v).uploadedAt() >= data.cutoffMillis();
            if (ok) {
                ids.add(v);
            }
        }
        int[] out = new int[Math.min(2000, ids.size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(r.nextInt(ids.size()));
        }
        return out;
    }

    private static double pairwise(float[] rows, int[] ids, int d) {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < ids.length; i++) {
            for (int j = i + 1; j < ids.length; j++) {
                sum += dot(rows, ids[i] * d, rows, ids[j] * d, d);
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    private static float dot(float[] a, int ao, float[] b, int bo, int d) {
        float s = 0;
        for (int k = 0; k < d; k++) {
            s += a[ao + k] * b[bo + k];
        }
        return s;
    }

    private static double mean(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(float[] x) {
        double m = mean(x), s = 0;
        for (float v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length);
    }

    private static double corr(float[] a, float[] b) {
        double ma = mean(a), mb = mean(b), c = 0, va = 0, vb = 0;
        for (int i = 0; i < a.length; i++) {
            c += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return c / Math.sqrt(va * vb);
    }
}
