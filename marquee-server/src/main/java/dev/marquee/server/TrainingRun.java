package dev.marquee.server;

import dev.marquee.events.EventLog;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.ProgressListener;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.ranker.RankerModel;
import dev.marquee.training.lake.DatasetSnapshot;
import dev.marquee.training.lake.ParquetDatasetWriter;
import dev.marquee.training.ranker.BootstrapDataset;
import dev.marquee.training.ranker.DatasetBuildConfig;
import dev.marquee.training.ranker.PointInTimeDatasetBuilder;
import dev.marquee.training.ranker.RankerPublisher;
import dev.marquee.training.ranker.RankerStepBudget;
import dev.marquee.training.ranker.RankerTrainJob;
import dev.marquee.training.ranker.RankerTrainJobConfig;
import dev.marquee.training.ranker.RankerTrainResult;
import dev.marquee.training.registry.GateDecision;
import dev.marquee.training.registry.ModelRegistry;
import dev.marquee.training.registry.TrainingDataRange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One pass of the batch loop over a data directory's event log: point-in-time datasets → Parquet snapshot →
 * training → holdout evaluation → registry with the promotion gate. The same code runs from `marquee train`
 * and on the retrain schedule inside `marquee serve` (which then hot-swaps what the gate promotes).
 */
public final class TrainingRun {
    /**
     * @param twoTower   train the retrieval model
     * @param ranker     train the ranker and distil its student
     * @param studentOnly with {@code ranker}: keep the promoted teacher and only distil a new student from it
     * @param sample     share of feed requests sampled into the ranker dataset
     * @param maxRows    ranker training rows at most
     * @param epochs     training epochs at most (early stopping)
     * @param keepDatasets Parquet snapshots kept per kind
     */
    public record Options(boolean twoTower, boolean ranker, boolean studentOnly, double sample, int maxRows, int epochs,
                          int keepDatasets) {
        public Options {
            if (!twoTower && !ranker) {
                throw new IllegalArgumentException("a training run needs at least one model");
            }
            if (studentOnly && !ranker) {
                throw new IllegalArgumentException("studentOnly needs the ranker stage");
            }
            if (!(sample > 0 && sample <= 1)) {
                throw new IllegalArgumentException("sample must be in (0, 1], got " + sample);
            }
            if (maxRows < 100 || epochs < 1 || keepDatasets < 1) {
                throw new IllegalArgumentException("maxRows ≥ 100, epochs ≥ 1 and keepDatasets ≥ 1 required");
            }
        }

        public static Options all() {
            return new Options(true, true, false, 0.5, 300_000, 4, 5);
        }
    }

    /** What a run did: every gate decision and the dataset snapshot written (if the ranker trained). */
    public record Outcome(List<GateDecision> decisions, Optional<DatasetSnapshot> dataset, long eventLogTo) {
        public boolean anyPromoted() {
            return decisions.stream().anyMatch(GateDecision::promoted);
        }
    }

    private final DataDir dir;
    private final ModelRegistry registry;
    private final Options options;
    private final Consumer<String> report;
    private final ProgressListener rankerProgress;

    public TrainingRun(DataDir dir, ModelRegistry registry, Options options, Consumer<String> report,
                       ProgressListener rankerProgress) {
        this.dir = dir;
        this.registry = registry;
        this.options = options;
        this.report = report;
        this.rankerProgress = rankerProgress;
    }

    /** Runs over {@code log} up to its current end, opening the directory's text-vector cache for the two-tower. */
    public Outcome run(EventLog log) throws Exception {
        return run(log, null);
    }

    /** As {@link #run(EventLog)}, sharing an open text-vector cache (null = open the directory's own). */
    public Outcome run(EventLog log, VideoTextVectors texts) throws Exception {
        long to = log.endOffset();
        List<GateDecision> decisions = new ArrayList<>();
        Optional<DatasetSnapshot> dataset = Optional.empty();
        if (options.twoTower()) {
            decisions.add(texts == null ? TwoTowerRun.run(dir, log, registry, report)
                    : TwoTowerRun.run(log, texts, registry, report));
        }
        if (options.ranker()) {
            dataset = Optional.of(trainRanker(log, to, decisions));
        }
        return new Outcome(decisions, dataset, to);
    }

    private DatasetSnapshot trainRanker(EventLog log, long to, List<GateDecision> decisions) throws Exception {
        report.accept("train: building the point-in-time ranker dataset (replaying the event log)...");
        long t0 = System.nanoTime();
        BootstrapDataset ds = new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults().withSampleRate(options.sample()))
                .build(log);
        report.accept(String.format("train: %,d examples from %,d impressions in %.1f s", ds.table().rows(),
                ds.impressions(), (System.nanoTime() - t0) / 1e9));
        TrainingDataRange range = new TrainingDataRange(0, to, 0, 0); // bootstrap: event log only
        DatasetSnapshot snapshot = new ParquetDatasetWriter(dir.datasets(), options.keepDatasets())
                .write("ranker", ds.table(), range, Instant.now());
        report.accept(String.format("train: dataset snapshot %s (%,d rows, Parquet)", snapshot.parquet(), snapshot.rows()));
        TrainingConfig t = RankerStepBudget.forRows(options.epochs(), Math.min(ds.table().rows(), options.maxRows()));
        RankerTrainJobConfig cfg = RankerTrainJobConfig.defaults().withTraining(t, options.maxRows());
        RankerTrainJob job = new RankerTrainJob(cfg, rankerProgress);
        try (RankerTrainResult r = options.studentOnly()
                ? job.distil(ds.table(), ds.lastEventMillis(), promotedTeacher())
                : job.run(ds.table(), ds.lastEventMillis())) {
            report.accept(r.evaluation().toTable());
            RankerPublisher publisher = new RankerPublisher(registry, 0.01);
            if (!options.studentOnly()) {
                decisions.add(announce(publisher.publish(RankerPublisher.TEACHER, r.ranker(),
                        Optional.ofNullable(r.evaluation().heads().get("ranker")), range)));
            }
            decisions.add(announce(publisher.publish(RankerPublisher.STUDENT, r.student(),
                    Optional.ofNullable(r.evaluation().heads().get("ranker-student")), range)));
        }
        return snapshot;
    }

    /** The registry's promoted ranker, checksums verified; a clear error when there is none to distil from. */
    private RankerModel promotedTeacher() throws IOException {
        String version = registry.current(RankerPublisher.TEACHER).orElseThrow(() -> new IllegalStateException(
                "no promoted ranker in " + dir.root() + "/models to distil a student from: run marquee train "
                        + "--model ranker first"));
        report.accept("train: distilling a student from ranker " + version);
        return RankerModel.load(registry.load(RankerPublisher.TEACHER, version).directory());
    }

    private GateDecision announce(GateDecision d) {
        report.accept("train: " + d);
        return d;
    }
}
