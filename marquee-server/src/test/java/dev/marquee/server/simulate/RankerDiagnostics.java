package dev.marquee.server.simulate;

import dev.marquee.events.FileEventLog;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.ranker.RankerHeads;
import dev.marquee.training.ranker.BootstrapDataset;
import dev.marquee.training.ranker.DatasetBuildConfig;
import dev.marquee.training.ranker.ExampleTable;
import dev.marquee.training.ranker.PointInTimeDatasetBuilder;
import dev.marquee.training.ranker.RankerTrainJob;
import dev.marquee.training.ranker.RankerTrainJobConfig;
import dev.marquee.training.ranker.RankerTrainResult;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A measurement, not a test: trains the ranker as the simulation does on an event log (the diagnostic cache's
 * starting prefix) and prints the full evaluation table and per-column label correlations, to tell a data bug
 * (labels or features misaligned) from a model bug. Usage: {@code RankerDiagnostics EVENTS_DIR [SAMPLE] [EPOCHS]}.
 */
final class RankerDiagnostics {
    public static void main(String[] args) throws Exception {
        double sample = args.length > 1 ? Double.parseDouble(args[1]) : 0.3;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        try (FileEventLog log = FileEventLog.open(Path.of(args[0]), StartingState.LOG_CONFIG)) {
            BootstrapDataset ds = new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults().withSampleRate(sample)).build(log);
            ExampleTable t = ds.table();
            System.out.printf(Locale.ROOT, "rows %d%n", t.rows());
            var names = t.schema().numeric();
            for (int c = 0; c < names.size() && args.length <= 3; c++) {
                System.out.printf(Locale.ROOT, "%-32s corr(click) %+.3f corr(watch) %+.3f%n", names.get(c),
                        corr(t, c, RankerHeads.CLICK), corr(t, c, RankerHeads.WATCH_30S));
            }
            String[] configs = args.length > 3 ? args[3].split(",") : new String[] {epochs + ":512:1"};
            for (String c : configs) {
                String[] f = c.split(":");
                TrainingConfig tc = new TrainingConfig(2e-3f, Integer.parseInt(f[1]), Integer.parseInt(f[0]),
                        Integer.parseInt(f[2]), 42L, 1, 1);
                RankerTrainJobConfig cfg = RankerTrainJobConfig.defaults().withTraining(tc, 100_000);
                long t0 = System.nanoTime();
                try (RankerTrainResult r = new RankerTrainJob(cfg, p -> { }).run(t, ds.lastEventMillis())) {
                    System.out.println("== epochs:batch:patience " + c + String.format(Locale.ROOT, " (%.1f s)",
                            (System.nanoTime() - t0) / 1e9));
                    System.out.println(r.evaluation().toTable().lines().limit(8).reduce("", (a, b) -> a + b + "\n"));
                }
            }
        }
    }

    private static double corr(ExampleTable t, int column, int head) {
        int n = t.rows();
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int r = 0; r < n; r++) {
            double x = t.feature(r, column), y = t.label(r, head);
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        double cov = sxy / n - sx / n * sy / n;
        double vx = sxx / n - sx / n * sx / n, vy = syy / n - sy / n * sy / n;
        return vx <= 0 || vy <= 0 ? 0 : cov / Math.sqrt(vx * vy);
    }
}
