package dev.marquee.training.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.feed.ranking.RankerFeatureSchema;
import dev.marquee.models.ProgressListener;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.ranker.RankerArchitecture;
import dev.marquee.models.ranker.RankerShape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Runs the whole job once on a small generated world with small networks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankerTrainJobTest {
    static final RankerTrainJobConfig SMALL = RankerTrainJobConfig.defaults()
            .withTraining(new TrainingConfig(3e-3f, 256, 3, 1, 11L, 1, 1), 100_000)
            .withShapes(new RankerShape(RankerArchitecture.MMOE, 32, 16, 2, 8),
                    new RankerShape(RankerArchitecture.SHARED_BOTTOM, 32, 16, 1, 8),
                    new RankerShape(RankerArchitecture.SHARED_BOTTOM, 16, 8, 1, 4));

    SmallHistory history;
    BootstrapDataset data;
    RankerTrainResult result;

    @BeforeAll
    void run() {
        history = new SmallHistory(5L);
        data = new PointInTimeDatasetBuilder(DatasetBuildConfig.defaults()).build(history.log);
        long start = System.nanoTime();
        result = new RankerTrainJob(SMALL, ProgressListener.none()).run(data.table(), history.endMillis());
        System.out.printf("small-world ranker job: %,d rows, %.1f s%n%s", data.table().rows(),
                (System.nanoTime() - start) / 1e9, result.evaluation().toTable());
    }

    @AfterAll
    void close() {
        result.close();
    }

    @Test
    void evaluation_coversEveryModelAndHead_onALastDayHoldout() {
        RankerEvaluation e = result.evaluation();
        assertThat(e.heads()).containsOnlyKeys("ranker", "ranker-mmoe", "ranker-shared-bottom", "ranker-student",
                "logistic", "popularity");
        assertThat(e.holdoutStartMillis()).isEqualTo(history.endMillis() - 86_400_000L);
        int holdoutRows = data.table().rows() - data.table().rowsBefore(e.holdoutStartMillis());
        assertThat(e.holdoutRows()).isEqualTo(holdoutRows).isPositive();
        assertThat(e.calibration()).containsOnlyKeys("click", "watch30", "share");
        assertThat(e.calibration().get("click")).hasSize(10);
        assertThat(e.chosen()).isIn("mmoe", "shared-bottom");
        assertThat(e.heads().get("ranker")).isEqualTo(e.heads().get("ranker-" + e.chosen()));
        assertThat(e.toJson()).contains("\"logloss\"", "\"ndcg@10\"", "\"ranker-student\"", "\"logged-order\"");
    }

    @Test
    void ranker_learnsSomethingOnEveryHead() {
        ModelMetrics ranker = result.evaluation().heads().get("ranker");
        assertThat(ranker.click().auc()).isGreaterThan(0.6);
        assertThat(ranker.watch30().auc()).isGreaterThan(0.6);
        assertThat(ranker.share().auc()).isGreaterThan(0.55);
        assertThat(ranker.click().predictedRate()).isBetween(ranker.click().observedRate() * 0.5,
                ranker.click().observedRate() * 1.5);
    }

    @Test
    void models_scoreRowsOfTheServingSchema() {
        assertThat(result.ranker().schema()).isEqualTo(RankerFeatureSchema.SCHEMA);
        assertThat(result.student().schema()).isEqualTo(RankerFeatureSchema.SCHEMA);
        assertThat(result.student().config().shape().hidden1()).isEqualTo(16);
    }

    @Test
    void run_rejectsTablesTooSmallToSplit() {
        ExampleTable tiny = new ExampleTable(RankerFeatureSchema.SCHEMA, 4);
        assertThatThrownBy(() -> new RankerTrainJob(SMALL, ProgressListener.none()).run(tiny, history.endMillis()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few rows");
    }
}
