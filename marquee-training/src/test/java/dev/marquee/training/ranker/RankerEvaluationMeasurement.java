package dev.marquee.training.ranker;

import dev.marquee.events.InMemoryEventLog;
import dev.marquee.models.TrainingConfig;
import dev.marquee.sim.HistoryGenerator;
import dev.marquee.sim.HistoryStats;
import dev.marquee.sim.World;
import dev.marquee.sim.WorldConfig;
import org.junit.jupiter.api.Test;

/**
 * The evaluation table on the DEFAULT world (50,000 videos, 20,000 users, 7 days, last day held
 * out). Only prints; takes minutes, so it is not part of the default test run (not named *Test). Run:
 * {@code ./mvnw -pl marquee-events,marquee-feed,marquee-training verify -Dtest=RankerEvaluationMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false -Dmarquee.sample=0.25 -Dmarquee.maxTrainRows=300000 -Dmarquee.epochs=4}.
 */
class RankerEvaluationMeasurement {

    @Test
    void measureOnTheDefaultWorld() {
        double sample = Double.parseDouble(System.getProperty("marquee.sample", "0.25"));
        long t0 = System.nanoTime();
        World world = World.generate(WorldConfig.defaults(1_700_006_400_000L));
        InMemoryEventLog log = new InMemoryEventLog();
        HistoryStats stats = HistoryGenerator.baseline(world).generate(log, (n, fraction) -> { });
        long t1 = System.nanoTime();
        System.out.printf("history: %,d events, %,d impressions, CTR %.4f, long-view rate %.4f, share rate %.5f (%.0f s)%n",
                stats.events(), stats.impressions(), stats.clickThroughRate(), stats.longViewRate(), stats.shareRate(),
                (t1 - t0) / 1e9);
        BootstrapDataset data = new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults().withSampleRate(sample)).build(log);
        long t2 = System.nanoTime();
        System.out.printf("bootstrap set: %,d rows from %,d sampled of %,d impressions (%,d skipped), replay %.0f s%n",
                data.table().rows(), data.sampledImpressions(), data.impressions(), data.skipped(), (t2 - t1) / 1e9);
        log.close();
        int maxRows = Integer.getInteger("marquee.maxTrainRows", 300_000), epochs = Integer.getInteger("marquee.epochs", 4);
        RankerTrainJobConfig config = RankerTrainJobConfig.defaults().withTraining(
                new TrainingConfig(2e-3f, 512, epochs, epochs > 4 ? 2 : 1, 42L, 1, 1), maxRows);
        try (RankerTrainResult result = new RankerTrainJob(config, p -> { })
                .run(data.table(), world.config().endMillis())) {
            System.out.printf("training + evaluation: %.0f s%n%s%n%s%n", (System.nanoTime() - t2) / 1e9,
                    result.evaluation().toTable(), result.evaluation().toJson());
        }
    }
}
