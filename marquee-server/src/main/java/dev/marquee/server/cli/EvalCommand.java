package dev.marquee.server.cli;

import dev.marquee.events.FileEventLog;
import dev.marquee.feed.ranking.ScoreWeights;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.server.CliException;
import dev.marquee.server.DataDir;
import dev.marquee.server.report.EvalHtmlReport;
import dev.marquee.server.report.EvalTextTables;
import dev.marquee.server.WorldConfigFile;
import dev.marquee.sim.World;
import dev.marquee.training.eval.EvalConfig;
import dev.marquee.training.eval.EvalExtras;
import dev.marquee.training.eval.EvalJob;
import dev.marquee.training.eval.EvalProgress;
import dev.marquee.training.eval.EvalReport;
import dev.marquee.training.eval.EvalReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Offline evaluation on a temporal holdout: retrieval, full pipeline and ranker heads beside baselines. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate Marquee on DIR's event log with the last --holdout-days held out: trains the two-tower "
                + "model and the ranker on earlier events only (models under DIR/models are not touched), rebuilds the "
                + "serving pipeline as of the holdout start and measures it against the videos each holdout user "
                + "watched > 30 s.",
                "Prints tables (or one JSON object with --json) on stdout, progress on stderr; --out DIR also writes "
                        + "report.html and metrics.json. See docs/evaluation.md."})
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory")
    Path data;

    @Option(names = "--holdout-days", defaultValue = "1", description = "UTC days held out at the end of the log (default ${DEFAULT-VALUE})")
    int holdoutDays;

    @Option(names = "--out", description = "write report.html and metrics.json into this directory")
    Path out;

    @Option(names = "--json", description = "print the metrics as one JSON object on stdout")
    boolean json;

    @Option(names = "--epochs", defaultValue = "4", description = "training epochs at most, both models (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--max-rows", defaultValue = "150000", description = "ranker training rows at most (default ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--sample", defaultValue = "0.3", description = "share of feed requests in the ranker dataset (default ${DEFAULT-VALUE})")
    double sample;

    @Option(names = "--max-users", defaultValue = "3000", description = "holdout users evaluated at most, spread evenly (default ${DEFAULT-VALUE})")
    int maxUsers;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the random baseline and exploration (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--score-variants", description = "also measure pipeline variants with another popularity prior "
            + "in the score (one more pipeline run per user each; see docs/evaluation.md)")
    boolean scoreVariants;

    @Option(names = "--weight-variant", paramLabel = "C:W:S:POP:RATE:DUR", description = "also measure the full pipeline "
            + "with these score weights (w_click, w_watch, w_share, w_pop, w_rate, w_dur; repeatable; one more pipeline "
            + "run per user each)")
    List<String> weightVariants = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        DataDir dir = new DataDir(data);
        if (!dir.hasEvents()) {
            throw new CliException("no event log in " + data + " (run marquee generate or marquee import first)");
        }
        EvalConfig config = new EvalConfig(holdoutDays, epochs, maxRows, sample, maxUsers, 20, seed);
        ExecutorService encoderPool = Executors.newFixedThreadPool(2);
        EvalReport report;
        try (FileEventLog log = FileEventLog.open(dir.events());
             TextVectorStore texts = TextVectorStore.open(dir.root().resolve("text-vectors.bin"), TextEncoder.DIMENSION)) {
            report = new EvalJob(config, extras(dir)).run(log, new VideoTextVectors(texts, new TextEncoder(encoderPool, 10_000)),
                    progress());
        } finally {
            encoderPool.shutdownNow();
        }
        if (out != null) {
            EvalHtmlReport.write(out, report);
            System.err.println("eval: wrote " + out.resolve(EvalHtmlReport.HTML) + " and " + out.resolve(EvalHtmlReport.JSON));
        }
        System.out.println(json ? EvalReportJson.write(report) : EvalTextTables.render(report));
        return 0;
    }

    /** Oracles when DIR holds a synthetic world ({@code world.properties}: its hidden truths are regenerated). */
    private EvalExtras extras(DataDir dir) {
        Optional<World> world = Optional.empty();
        if (Files.exists(dir.worldConfig())) {
            world = Optional.of(World.generate(WorldConfigFile.read(dir.worldConfig())));
        }
        List<ScoreWeights> weights = new ArrayList<>();
        for (String spec : weightVariants) {
            weights.add(parseWeights(spec));
        }
        return new EvalExtras(world, scoreVariants, weights);
    }

    /** {@code C:W:S:POP:RATE:DUR} (six non-negative numbers) as score weights. */
    static ScoreWeights parseWeights(String spec) {
        String[] f = spec.split(":");
        if (f.length != 6) {
            throw new CliException("--weight-variant needs C:W:S:POP:RATE:DUR (six numbers), got " + spec);
        }
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) {
            try {
                v[i] = Double.parseDouble(f[i]);
            } catch (NumberFormatException e) {
                throw new CliException("--weight-variant: not a number: " + f[i] + " in " + spec);
            }
        }
        try {
            return new ScoreWeights(v[0], v[1], v[2], v[3], v[4], v[5]);
        } catch (IllegalArgumentException e) {
            throw new CliException("--weight-variant " + spec + ": " + e.getMessage());
        }
    }

    /** One stderr line per phase change, and at most one every 2 s within a phase. */
    private static EvalProgress progress() {
        return new EvalProgress() {
            private String last = "";
            private long lastPrint;

            @Override
            public void phase(String phase, long done, long total) {
                long now = System.nanoTime();
                if (!phase.equals(last) || now - lastPrint > 2_000_000_000L || (total > 0 && done == total)) {
                    System.err.printf("eval: %s %,d%s%n", phase, done, total > 0 ? String.format("/%,d", total) : "");
                    last = phase;
                    lastPrint = now;
                }
            }
        };
    }
}
