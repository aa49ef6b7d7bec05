package dev.marquee.models.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.models.ProgressListener;
import dev.marquee.models.TrainingConfig;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Trains an MMoE and a shared-bottom ranker once on planted data and checks what they learned. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankerTrainerTest {
    static final TrainingConfig TRAINING = new TrainingConfig(3e-3f, 256, 6, 2, 5L, 1, 1);
    static final RankerConfig MMOE = RankerConfig.defaults().withTraining(TRAINING);
    static final RankerConfig SHARED_BOTTOM = MMOE.withShape(
            new RankerShape(RankerArchitecture.SHARED_BOTTOM, 128, 64, 1, 32));

    RankerDataset train, validation;
    RankerModel mmoe, sharedBottom;

    @BeforeAll
    void trainBoth() {
        train = PlantedRankerData.generate(8_000, 1L);
        validation = PlantedRankerData.generate(2_000, 2L);
        long start = System.nanoTime();
        mmoe = RankerTrainer.train(train, validation, MMOE, ProgressListener.none());
        long mid = System.nanoTime();
        sharedBottom = RankerTrainer.train(train, validation, SHARED_BOTTOM, ProgressListener.none());
        System.out.printf("ranker training: MMoE %.1f s, shared-bottom %.1f s%n", (mid - start) / 1e9,
                (System.nanoTime() - mid) / 1e9);
    }

    @AfterAll
    void close() {
        mmoe.close();
        sharedBottom.close();
    }

    double[] aucs(RankerModel model, RankerDataset data) {
        float[] out = new float[data.rows() * RankerHeads.COUNT];
        model.predict(data.features(), data.rows(), out);
        double[] auc = new double[RankerHeads.COUNT];
        for (int h = 0; h < RankerHeads.COUNT; h++) {
            auc[h] = BinaryAuc.of(out, data.labels(), data.rows(), RankerHeads.COUNT, h);
        }
        return auc;
    }

    @Test
    void mmoe_learnsPlantedSignalOnEveryHead() {
        double[] auc = aucs(mmoe, validation);
        System.out.println("MMoE validation AUC (click, watch, share): " + Arrays.toString(auc));
        assertThat(Arrays.stream(auc).min().orElseThrow()).isGreaterThan(0.75);
    }

    @Test
    void sharedBottom_learnsPlantedSignalOnEveryHead() {
        double[] auc = aucs(sharedBottom, validation);
        System.out.println("shared-bottom validation AUC (click, watch, share): " + Arrays.toString(auc));
        assertThat(Arrays.stream(auc).min().orElseThrow()).isGreaterThan(0.75);
    }

    @Test
    void javaForwardPass_matchesTorchWithin1e5_forBothArchitectures() {
        for (RankerModel model : new RankerModel[] {mmoe, sharedBottom}) {
            int rows = 1000;
            float[] java = new float[rows * 3], torch = new float[rows * 3];
            model.predict(validation.features(), rows, java);
            model.predictWithTorch(validation.features(), rows, torch);
            float max = 0f;
            for (int i = 0; i < java.length; i++) {
                max = Math.max(max, Math.abs(java[i] - torch[i]));
            }
            assertThat(max).as(model.config().shape().architecture() + " max |java − torch|").isLessThanOrEqualTo(1e-5f);
        }
    }

    @Test
    void predict_writesOnlyTheRequestedRows() {
        float[] out = new float[3 * 5];
        Arrays.fill(out, -1f);
        mmoe.predict(validation.features(), 3, out);
        for (int i = 0; i < 9; i++) {
            assertThat(out[i]).isBetween(0f, 1f);
        }
        assertThat(Arrays.copyOfRange(out, 9, 15)).containsOnly(-1f);
    }

    @Test
    void saveAndLoad_giveIdenticalPredictions(@TempDir Path dir) throws Exception {
        mmoe.save(dir);
        int rows = 500;
        float[] before = new float[rows * 3], after = new float[rows * 3];
        mmoe.predict(validation.features(), rows, before);
        try (RankerModel loaded = RankerModel.load(dir)) {
            assertThat(loaded.config()).isEqualTo(mmoe.config());
            assertThat(loaded.schema()).isEqualTo(mmoe.schema());
            loaded.predict(validation.features(), rows, after);
            assertThat(after).containsExactly(before);
            float[] torchBefore = new float[rows * 3], torchAfter = new float[rows * 3];
            mmoe.predictWithTorch(validation.features(), rows, torchBefore);
            loaded.predictWithTorch(validation.features(), rows, torchAfter);
            assertThat(torchAfter).containsExactly(torchBefore);
        }
    }

    @Test
    void load_acceptsASpecSavedBeforeRegularisationExisted(@TempDir Path dir) throws Exception {
        mmoe.save(dir);
        Path spec = dir.resolve("ranker.json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(spec.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("config")).remove("regularization");
        json.writeValue(spec.toFile(), tree);
        int rows = 200;
        float[] before = new float[rows * 3], after = new float[rows * 3];
        mmoe.predict(validation.features(), rows, before);

        try (RankerModel loaded = RankerModel.load(dir)) {
            assertThat(loaded.config().regularization()).isEqualTo(RankerRegularization.none());
            loaded.predict(validation.features(), rows, after);
            assertThat(after).containsExactly(before);
        }
    }

    @Test
    void sameSeed_trainsIdenticalModels() {
        RankerDataset small = PlantedRankerData.generate(2_000, 3L);
        RankerConfig quick = MMOE.withTraining(TRAINING.withEpochs(1, 1));
        float[] a = new float[300], b = new float[300], c = new float[300];
        try (RankerModel first = RankerTrainer.train(small, validation, quick, ProgressListener.none());
             RankerModel second = RankerTrainer.train(small, validation, quick, ProgressListener.none());
             RankerModel other = RankerTrainer.train(small, validation,
                     quick.withTraining(quick.training().withSeed(6L)), ProgressListener.none())) {
            first.predict(validation.features(), 100, a);
            second.predict(validation.features(), 100, b);
            other.predict(validation.features(), 100, c);
        }
        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void distilledStudent_tracksTheTeacher() {
        RankerConfig student = MMOE.withShape(RankerShape.student());
        try (RankerModel s = RankerDistiller.distill(mmoe, train, validation, student, 0.2f, ProgressListener.none())) {
            double[] teacherAuc = aucs(mmoe, validation);
            double[] studentAuc = aucs(s, validation);
            System.out.println("student AUC " + Arrays.toString(studentAuc) + " vs teacher " + Arrays.toString(teacherAuc));
            for (int h = 0; h < RankerHeads.COUNT; h++) {
                assertThat(studentAuc[h]).isGreaterThan(0.75).isGreaterThan(teacherAuc[h] - 0.03);
            }
        }
    }

    @Test
    void predict_rejectsAnUnknownCategoryId() {
        float[] row = Arrays.copyOf(validation.features(), PlantedRankerData.SCHEMA.width());
        row[8] = 20f;
        assertThatThrownBy(() -> mmoe.predict(row, 1, new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0, feature category: invalid value 20.0");
    }

    @Test
    void dataset_rejectsLabelsOutsideUnitInterval() {
        RankerDataset ok = PlantedRankerData.generate(4, 9L);
        float[] labels = ok.labels().clone();
        labels[5] = 1.5f;
        assertThatThrownBy(() -> ok.withLabels(labels))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 5 = 1.5 is outside [0, 1]");
    }
}
