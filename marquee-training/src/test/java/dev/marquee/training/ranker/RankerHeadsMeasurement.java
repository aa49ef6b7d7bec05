package dev.marquee.training.ranker;

import dev.marquee.events.FileEventLog;
import dev.marquee.feed.ranking.RankerFeatureSchema;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.ranker.RankerArchitecture;
import dev.marquee.models.ranker.RankerConfig;
import dev.marquee.models.ranker.RankerDataset;
import dev.marquee.models.ranker.RankerDistiller;
import dev.marquee.models.ranker.RankerModel;
import dev.marquee.models.ranker.RankerRegularization;
import dev.marquee.models.ranker.RankerShape;
import dev.marquee.models.ranker.RankerTrainer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The heads section of {@code marquee eval} alone, for tuning the ranker's training: builds (once; cached as
 * {@code DIR/ranker-table-SAMPLE.bin}) the same point-in-time rows as {@code HeadsStage}, splits them as
 * {@link RankerTrainJob} does (last day held out, latest 10 % of the rest early-stops, ≤ 150k rows) and prints
 * holdout AUC / log loss per head for each variant and for the logistic baseline. Not a test (no *Test suffix);
 * run with {@code java -cp ... dev.marquee.training.ranker.RankerHeadsMeasurement DIR VARIANT...} where a variant
 * is {@code name:key=value,...} over the keys of {@link #config}. Prints only.
 */
final class RankerHeadsMeasurement {
    private static final long DAY = 86_400_000L;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        double sample = Double.parseDouble(System.getProperty("marquee.sample", "0.3"));
        int maxRows = Integer.getInteger("marquee.maxRows", 150_000);
        int epochs = Integer.getInteger("marquee.epochs", 3);
        long seed = Long.getLong("marquee.seed", 7L);
        ExampleTable table = table(dir, sample);
        for (String drop : System.getProperty("marquee.drop", "").split(",")) {
            if (!drop.isBlank()) {
                int c = table.schema().column(drop);
                for (int r = 0; r < table.rows(); r++) {
                    table.featuresArray()[r * table.schema().width() + c] = 0f;
                }
                System.out.println("dropped " + drop + " (column " + c + ")");
            }
        }
        long last = table.time(table.rows() - 1);
        long cutoff = Math.floorDiv(last, DAY) * DAY;
        int trainEnd = table.rowsBefore(cutoff);
        int validationStart = (int) (trainEnd * 0.9);
        int stride = Math.max(1, (validationStart + maxRows - 1) / maxRows);
        RankerDataset train = table.sample(0, validationStart, stride);
        RankerDataset validation = table.sample(validationStart, trainEnd, stride);
        HoldoutEvaluator holdout = new HoldoutEvaluator(table, trainEnd, table.rows(),
                RankerTrainJobConfig.defaults().weights());
        System.out.printf("rows %,d: train %,d (stride %d), validation %,d, holdout %,d; base rates train %s%n",
                table.rows(), train.rows(), stride, validation.rows(), holdout.rows(), rates(train));
        TrainingConfig budget = RankerStepBudget.forRows(epochs, Math.min(trainEnd, maxRows), seed);
        System.out.println("budget " + budget);
        if (Boolean.getBoolean("marquee.logistic")) {
            long t0 = System.nanoTime();
            print("logistic", holdout.evaluate(LogisticRegressionBaseline.train(train, 2, 0.05, 7L)), t0);
            print("popularity", holdout.evaluate(new PopularityBaseline(table.schema())), System.nanoTime());
        }
        for (int i = 1; i < args.length; i++) {
            String name = args[i].substring(0, args[i].indexOf(':'));
            Map<String, String> kv = parse(args[i].substring(args[i].indexOf(':') + 1));
            RankerConfig config = config(kv, budget);
            long t0 = System.nanoTime();
            StringBuilder curve = new StringBuilder();
            try (RankerModel model = RankerTrainer.train(train, validation, config, p -> {
                if (p.epochEnd()) {
                    curve.append(String.format(" e%d %.5f%s", p.epoch(), p.validationLoss(), p.best() ? "*" : ""));
                }
            })) {
                print(name, holdout.evaluate(model::predict), t0);
                System.out.println("   " + config + "\n   val:" + curve);
                if (kv.containsKey("student")) {
                    RankerConfig sc = config(parse(kv.get("student").replace(';', ',')), budget);
                    long t1 = System.nanoTime();
                    try (RankerModel student = RankerDistiller.distill(model, train, validation, sc, 0.3f, p -> { })) {
                        print(name + "-student", holdout.evaluate(student::predict), t1);
                    }
                }
            }
        }
    }

    /** Keys: arch (mmoe|sb), h1, h2, experts, tower, lr, batch, epochs, patience, wc, ww, ws (loss weights), drop (id dropout), l2 (embedding L2). */
    static RankerConfig config(Map<String, String> kv, TrainingConfig budget) {
        RankerArchitecture arch = kv.getOrDefault("arch", "sb").equals("mmoe") ? RankerArchitecture.MMOE
                : RankerArchitecture.SHARED_BOTTOM;
        RankerShape base = arch == RankerArchitecture.MMOE ? RankerShape.mmoe() : RankerShape.sharedBottom();
        RankerShape shape = new RankerShape(arch, i(kv, "h1", base.hidden1()), i(kv, "h2", base.hidden2()),
                i(kv, "experts", base.experts()), i(kv, "tower", base.towerHidden()));
        TrainingConfig t = new TrainingConfig(f(kv, "lr", budget.learningRate()), i(kv, "batch", budget.batchSize()),
                i(kv, "epochs", budget.maxEpochs()), i(kv, "patience", budget.patience()), budget.seed(), 1, 1);
        RankerConfig d = RankerTrainJobConfig.defaults().mmoe();
        return new RankerConfig(shape, f(kv, "wc", d.clickLossWeight()), f(kv, "ww", d.watchLossWeight()),
                f(kv, "ws", d.shareLossWeight()), t,
                new RankerRegularization(f(kv, "drop", 0f), f(kv, "l2", 0f)));
    }

    private static int i(Map<String, String> kv, String k, int d) {
        return kv.containsKey(k) ? Integer.parseInt(kv.get(k)) : d;
    }

    private static float f(Map<String, String> kv, String k, float d) {
        return kv.containsKey(k) ? Float.parseFloat(kv.get(k)) : d;
    }

    private static Map<String, String> parse(String s) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String p : s.split(",")) {
            if (!p.isBlank()) {
                kv.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
            }
        }
        return kv;
    }

    private static String rates(RankerDataset d) {
        double[] s = new double[3];
        for (int r = 0; r < d.rows(); r++) {
            for (int h = 0; h < 3; h++) {
                s[h] += d.labels()[r * 3 + h];
            }
        }
        return String.format("%.4f/%.4f/%.5f", s[0] / d.rows(), s[1] / d.rows(), s[2] / d.rows());
    }

    private static void print(String name, ModelMetrics m, long t0) {
        System.out.printf("%-24s clk %.4f %.4f  w30 %.4f %.4f  shr %.4f %.5f  ndcg %.4f  (%.0f s)%n", name,
                m.click().auc(), m.click().logLoss(), m.watch30().auc(), m.watch30().logLoss(), m.share().auc(),
                m.share().logLoss(), m.ndcgAt10(), (System.nanoTime() - t0) / 1e9);
    }

    private static ExampleTable table(Path dir, double sample) throws IOException {
        Path cache = dir.resolve("ranker-table-" + sample + ".bin");
        int w = RankerFeatureSchema.SCHEMA.width();
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache), 1 << 20))) {
                int rows = in.readInt();
                ExampleTable t = new ExampleTable(RankerFeatureSchema.SCHEMA, rows);
                float[] row = new float[w];
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < w; c++) {
                        row[c] = in.readFloat();
                    }
                    long time = in.readLong();
                    int request = in.readInt();
                    t.add(row, 0, (int) row[RankerFeatureSchema.POSITION], time, request, in.readBoolean(),
                            in.readBoolean(), in.readBoolean());
                }
                return t;
            }
        }
        ExampleTable t;
        try (FileEventLog log = FileEventLog.open(dir.resolve("events"))) {
            t = new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults().withSampleRate(sample)).build(log).table();
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache), 1 << 20))) {
            out.writeInt(t.rows());
            for (int r = 0; r < t.rows(); r++) {
                for (int c = 0; c < w; c++) {
                    out.writeFloat(t.feature(r, c));
                }
                out.writeLong(t.time(r));
                out.writeInt(t.request(r));
                for (int h = 0; h < 3; h++) {
                    out.writeBoolean(t.label(r, h) > 0.5f);
                }
            }
        }
        return t;
    }
}
