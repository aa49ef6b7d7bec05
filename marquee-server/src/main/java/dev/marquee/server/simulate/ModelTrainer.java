package dev.marquee.server.simulate;

import dev.marquee.training.ranker.RankerStepBudget;
import dev.marquee.events.EventLog;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.twotower.TwoTowerConfig;
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
import dev.marquee.training.twotower.TwoTowerJobConfig;
import dev.marquee.training.twotower.TwoTowerJobListener;
import dev.marquee.training.twotower.TwoTowerTrainJob;
import dev.marquee.training.twotower.TwoTowerTrainResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * The batch loop of a simulation: the same jobs as {@code marquee train} (two-tower, then the point-in-time
 * ranker dataset, the multi-task ranker and its student, each registered and gated) on a policy's event
 * log, with a smaller budget so a daily retrain stays fast. A model the gate rejects is not promoted and
 * the previous one keeps serving, as in production.
 */
final class ModelTrainer {
    static final double ROWS_PER_EVENT = 0.7;
    static final int MIN_RANKER_STEPS = RankerStepBudget.MIN_STEPS, MAX_RANKER_EPOCHS = RankerStepBudget.MAX_EPOCHS,
            MIN_BATCH = RankerStepBudget.MIN_BATCH;
    private final VideoTextVectors texts;
    private final TrainingBudget budget;
    private final PrintStream progress;

    /**
     * Training budget of one retrain.
     *
     * @param epochs     maximum epochs of both models
     * @param sample     share of feed requests sampled into the ranker dataset
     * @param maxRows    ranker training rows at most
     */
    record TrainingBudget(int epochs, double sample, int maxRows) {
        TrainingBudget {
            if (epochs < 1 || !(sample > 0 && sample <= 1) || maxRows < 100) {
                throw new IllegalArgumentException("training budget needs epochs ≥ 1, sample in (0, 1], maxRows ≥ 100; got "
                        + epochs + ", " + sample + ", " + maxRows);
            }
        }
    }

    ModelTrainer(VideoTextVectors texts, TrainingBudget budget, PrintStream progress) {
        this.texts = texts;
        this.budget = budget;
        this.progress = progress;
    }

    /** Trains both models on {@code log} into {@code registry}; returns a one-line summary of the gate decisions. */
    String train(EventLog log, ModelRegistry registry) throws IOException {
        TwoTowerJobConfig base = TwoTowerJobConfig.defaults();
        TrainingConfig t2 = base.model().training();
        TwoTowerJobConfig twoTower = base.withModel(new TwoTowerConfig(base.model().shape(), new TrainingConfig(
                t2.learningRate(), t2.batchSize(), Math.min(t2.maxEpochs(), budget.epochs()), t2.patience(), t2.seed(),
                t2.intraOpThreads(), t2.interOpThreads())));
        TwoTowerTrainResult tt = new TwoTowerTrainJob(registry, twoTower, TwoTowerTrainJob.defaultGate())
                .run(log, texts, new TwoTowerJobListener() {
                });
        StringBuilder summary = new StringBuilder(decision(tt.gate()));

        double rate = sampleRate(budget.sample(), budget.maxRows(), log.endOffset());
        BootstrapDataset ds = new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults().withSampleRate(rate)).build(log);
        TrainingConfig t = rankerTraining(budget.epochs(), Math.min(ds.table().rows(), budget.maxRows()));
        RankerTrainJobConfig cfg = RankerTrainJobConfig.defaults().withTraining(t, budget.maxRows());
        try (RankerTrainResult r = new RankerTrainJob(cfg, p -> { }).run(ds.table(), ds.lastEventMillis())) {
            TrainingDataRange range = new TrainingDataRange(0, log.endOffset(), 0, 0);
            RankerPublisher publisher = new RankerPublisher(registry, 0.01);
            summary.append(", ").append(decision(publisher.publish(RankerPublisher.TEACHER, r.ranker(),
                    Optional.ofNullable(r.evaluation().heads().get("ranker")), range)));
            summary.append(", ").append(decision(publisher.publish(RankerPublisher.STUDENT, r.student(),
                    Optional.ofNullable(r.evaluation().heads().get("ranker-student")), range)));
        }
        progress.println("simulate: trained " + summary);
        return summary.toString();
    }

    /**
     * Share of feed requests turned into ranker rows: the budget's, raised (up to 1) so a small log still fills
     * {@code maxRows} — about {@value #ROWS_PER_EVENT} rows per event, since most events are impressions. A
     * 0.3 sample of a two-day 800-user world left 7k rows, 2.8k of them for training, too few for the net.
     */
    static double sampleRate(double budgetSample, int maxRows, long events) {
        if (events <= 0) {
            return 1.0;
        }
        return Math.min(1.0, Math.max(budgetSample, maxRows / (ROWS_PER_EVENT * events)));
    }

    /**
     * The ranker's optimiser settings for {@code rows} rows: batch 512 on large sets, smaller batches below,
     * and enough epochs for at least {@value #MIN_RANKER_STEPS} Adam steps (at most {@value #MAX_RANKER_EPOCHS}
     * epochs), patience 2. Two epochs of batch 512 over 3k rows are 12 steps: the net stays near its random
     * initialisation and ranks worse than chance (holdout AUC 0.34 for p(watch) measured), which is what made
     * the simulated pipeline lose to the most-popular chart.
     */
    static TrainingConfig rankerTraining(int budgetEpochs, int rows) {
        return RankerStepBudget.forRows(budgetEpochs, rows);
    }

    private static String decision(GateDecision d) {
        return d.kind() + ":" + d.version() + (d.promoted() ? " promoted" : " kept " + d.baseline());
    }
}
