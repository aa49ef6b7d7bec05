package dev.marquee.server.cli;

import dev.marquee.core.Clock;
import dev.marquee.events.FileEventLog;
import dev.marquee.models.ProgressListener;
import dev.marquee.models.TrainingConfig;
import dev.marquee.server.CliException;
import dev.marquee.server.DataDir;
import dev.marquee.training.ranker.BootstrapDataset;
import dev.marquee.training.ranker.DatasetBuildConfig;
import dev.marquee.training.ranker.PointInTimeDatasetBuilder;
import dev.marquee.training.ranker.RankerPublisher;
import dev.marquee.training.ranker.RankerTrainJob;
import dev.marquee.training.ranker.RankerTrainJobConfig;
import dev.marquee.training.ranker.RankerTrainResult;
import dev.marquee.training.registry.GateDecision;
import dev.marquee.training.registry.ModelRegistry;
import dev.marquee.training.registry.TrainingDataRange;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains models from DIR's logs with point-in-time datasets, evaluates on a temporal holdout, registers and gates them. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train models from DIR's event log (point-in-time datasets, last day held out), register them "
                + "in DIR/models and promote those that pass the gate.")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory")
    Path data;

    @Option(names = "--model", defaultValue = "all", description = "two-tower | ranker | all (default ${DEFAULT-VALUE}); ranker also distils ranker-student")
    String model;

    @Option(names = "--sample", defaultValue = "0.5", description = "share of feed requests sampled into the ranker dataset (default ${DEFAULT-VALUE})")
    double sample;

    @Option(names = "--max-rows", defaultValue = "300000", description = "ranker training rows at most (default ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--epochs", defaultValue = "4", description = "training epochs at most (early stopping on a validation slice; default ${DEFAULT-VALUE})")
    int epochs;

    @Override
    public Integer call() throws Exception {
        DataDir dir = new DataDir(data);
        if (!dir.hasEvents()) {
            throw new CliException("no event log in " + data);
        }
        if (!model.matches("two-tower|ranker|all")) {
            throw new CliException("--model must be two-tower, ranker or all, got " + model);
        }
        ModelRegistry registry = new ModelRegistry(dir.models(), Clock.SYSTEM);
        try (FileEventLog log = FileEventLog.open(dir.events())) {
            if (model.equals("two-tower") || model.equals("all")) {
                TwoTowerTraining.run(dir, log, registry);
            }
            if (model.equals("ranker") || model.equals("all")) {
                trainRanker(log, registry);
            }
        }
        return 0;
    }

    private void trainRanker(FileEventLog log, ModelRegistry registry) throws Exception {
        System.err.println("train: building the point-in-time ranker dataset (replaying the event log)...");
        long t0 = System.nanoTime();
        BootstrapDataset ds = new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults().withSampleRate(sample)).build(log);
        System.err.printf("train: %,d examples from %,d impressions in %.1f s%n", ds.table().rows(), ds.impressions(),
                (System.nanoTime() - t0) / 1e9);
        RankerTrainJobConfig defaults = RankerTrainJobConfig.defaults();
        TrainingConfig t = new TrainingConfig(2e-3f, 512, epochs, 1, 42L, 1, 1);
        RankerTrainJobConfig cfg = defaults.withTraining(t, maxRows);
        try (var bar = Progress.bar("ranker", 100, "%")) {
            ProgressListener listener = p -> bar.setExtraMessage(String.format(" epoch %d loss %.4f %,.0f ex/s",
                    p.epoch(), p.trainLoss(), p.examplesPerSecond()));
            try (RankerTrainResult r = new RankerTrainJob(cfg, listener).run(ds.table(), ds.lastEventMillis())) {
                bar.stepTo(100);
                System.err.println(r.evaluation().toTable());
                TrainingDataRange range = new TrainingDataRange(0, log.endOffset(), 0, 0); // bootstrap: event log only
                RankerPublisher publisher = new RankerPublisher(registry, 0.01);
                report(publisher.publish(RankerPublisher.TEACHER, r.ranker(),
                        Optional.ofNullable(r.evaluation().heads().get("ranker")), range));
                report(publisher.publish(RankerPublisher.STUDENT, r.student(),
                        Optional.ofNullable(r.evaluation().heads().get("ranker-student")), range));
            }
        }
    }

    static void report(GateDecision d) {
        System.err.println("train: " + d);
    }
}
