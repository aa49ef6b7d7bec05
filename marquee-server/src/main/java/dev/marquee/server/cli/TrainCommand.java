package dev.marquee.server.cli;

import dev.marquee.core.Clock;
import dev.marquee.events.FileEventLog;
import dev.marquee.models.ProgressListener;
import dev.marquee.server.CliException;
import dev.marquee.server.DataDir;
import dev.marquee.server.TrainingRun;
import dev.marquee.training.ranker.RankerPublisher;
import dev.marquee.training.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains models from DIR's logs with point-in-time datasets, evaluates on a temporal holdout, registers and gates them. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train models from DIR's event log (point-in-time datasets, last day held out), register them "
                + "in DIR/models and promote those that pass the gate. The ranker dataset is kept as Parquet in DIR/datasets.")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory")
    Path data;

    @Option(names = "--model", defaultValue = "all", description = "two-tower | ranker | ranker-student | all (default ${DEFAULT-VALUE}); ranker also distils "
            + "ranker-student; ranker-student distils a new student from the promoted ranker without retraining it")
    String model;

    @Option(names = "--sample", defaultValue = "0.5", description = "share of feed requests sampled into the ranker dataset (default ${DEFAULT-VALUE})")
    double sample;

    @Option(names = "--max-rows", defaultValue = "300000", description = "ranker training rows at most (default ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--epochs", defaultValue = "4", description = "training epochs at most (early stopping on a validation slice; default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--keep-datasets", defaultValue = "5", description = "Parquet dataset snapshots kept in DIR/datasets (default ${DEFAULT-VALUE})")
    int keepDatasets;

    @Override
    public Integer call() throws Exception {
        DataDir dir = new DataDir(data);
        if (!dir.hasEvents()) {
            throw new CliException("no event log in " + data);
        }
        if (!model.matches("two-tower|ranker|ranker-student|all")) {
            throw new CliException("--model must be two-tower, ranker, ranker-student or all, got " + model);
        }
        ModelRegistry registry = new ModelRegistry(dir.models(), Clock.SYSTEM);
        if (model.equals("ranker-student") && registry.current(RankerPublisher.TEACHER).isEmpty()) {
            throw new CliException("no promoted ranker in " + dir.models() + " to distil a student from: run "
                    + "marquee train --data " + data + " --model ranker first");
        }
        var options = new TrainingRun.Options(model.equals("two-tower") || model.equals("all"), !model.equals("two-tower"),
                model.equals("ranker-student"), sample, maxRows,
                epochs, keepDatasets);
        ProgressListener epochs = p -> {
            if (p.epochEnd()) {
                System.err.printf("ranker: epoch %d train loss %.4f, %,.0f examples/s%n", p.epoch(), p.trainLoss(),
                        p.examplesPerSecond());
            }
        };
        try (FileEventLog log = FileEventLog.open(dir.events())) {
            new TrainingRun(dir, registry, options, System.err::println, epochs).run(log);
        }
        return 0;
    }

}
