package dev.marquee.models.twotower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.models.TrainingConfig;
import dev.marquee.models.TrainingProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Trains once on a clustered synthetic catalogue (20 topics × 100 videos) and checks what the model learned. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoTowerTrainerTest {
    static final int HISTORY = 50, SEQUENCE = 30, TRAIN_UNTIL = 28;
    static final TwoTowerShape SHAPE = new TwoTowerShape(SyntheticClusterWorld.TEXT_DIM, 8192, 1024, 8, 8, 5, 3,
            HISTORY, 32, 16, 8, 8, 128, 64, 0.05f, 0.5f, 0.1f);
    static final TwoTowerConfig CONFIG = new TwoTowerConfig(SHAPE,
            new TrainingConfig(3e-3f, 256, 12, 2, 7L, 1, 1));

    SyntheticClusterWorld world;
    int[][] sequences;
    TwoTowerModel model;
    final List<TrainingProgress> progress = new ArrayList<>();

    @BeforeAll
    void train() {
        world = new SyntheticClusterWorld(20, 100, 5, SHAPE, 11L);
        sequences = new int[800][];
        for (int u = 0; u < sequences.length; u++) {
            sequences[u] = world.sequence(SEQUENCE);
        }
        long start = System.nanoTime();
        model = TwoTowerTrainer.train(examples(10, TRAIN_UNTIL - 1), examples(TRAIN_UNTIL - 1, TRAIN_UNTIL), CONFIG,
                progress::add);
        TrainingProgress last = progress.getLast();
        System.out.printf("two-tower: %d examples seen in %.1f s, %.0f examples/s (1 intra-op thread), epochs %d%n",
                last.examplesSeen(), (System.nanoTime() - start) / 1e9, last.examplesPerSecond(), last.epoch());
    }

    @AfterAll
    void close() {
        model.close();
    }

    /** Examples for positions [from, to) of every sequence. */
    TwoTowerExamples examples(int from, int to) {
        int n = sequences.length * (to - from);
        int[][] seqs = new int[n][];
        int[] positions = new int[n], items = new int[n];
        int i = 0;
        for (int[] seq : sequences) {
            for (int t = from; t < to; t++, i++) {
                seqs[i] = seq;
                positions[i] = t;
                items[i] = seq[t];
            }
        }
        int[] counts = new int[world.items];
        for (int item : items) {
            counts[item]++;
        }
        float[] logQ = new float[n];
        for (int k = 0; k < n; k++) {
            logQ[k] = (float) Math.log((double) counts[items[k]] / n);
        }
        return new TwoTowerExamples(world.users(seqs, positions, HISTORY), world.itemBatch(items), logQ);
    }

    @Test
    void training_reportsProgressAndKeepsTheBestEpoch() {
        List<TrainingProgress> epochs = progress.stream().filter(TrainingProgress::epochEnd).toList();
        assertThat(epochs).isNotEmpty();
        assertThat(epochs.getFirst().validationLoss()).isGreaterThan(epochs.stream()
                .mapToDouble(TrainingProgress::validationLoss).min().orElseThrow());
        assertThat(epochs.stream().filter(TrainingProgress::best).count()).isPositive();
    }

    @Test
    void heldOutRecallAt50_isWellAbovePopularityBaseline() {
        int k = 50;
        float[] items = model.embedItems(world.allItems());
        int[] positions = new int[sequences.length];
        Arrays.fill(positions, SEQUENCE - 1);
        float[] users = model.embedUsers(world.users(sequences, positions, HISTORY));
        int[] popularTop = popularityTopK(k);
        int modelHits = 0, popularHits = 0;
        int d = model.dimension();
        for (int u = 0; u < sequences.length; u++) {
            int positive = sequences[u][SEQUENCE - 1];
            float target = dot(users, u * d, items, positive * d, d);
            int better = 0;
            for (int item = 0; item < world.items; item++) {
                if (item != positive && dot(users, u * d, items, item * d, d) > target) {
                    better++;
                }
            }
            modelHits += better < k ? 1 : 0;
            popularHits += Arrays.stream(popularTop).anyMatch(p -> p == positive) ? 1 : 0;
        }
        double modelRecall = (double) modelHits / sequences.length;
        double popularRecall = (double) popularHits / sequences.length;
        System.out.printf("two-tower recall@50 %.3f vs popularity %.3f%n", modelRecall, popularRecall);
        assertThat(modelRecall).isGreaterThan(2 * popularRecall).isGreaterThan(0.35);
    }

    @Test
    void contentOnlyEmbeddingOfUnseenVideo_landsNearItsCluster() {
        float[] full = model.embedItems(world.allItems());
        int d = model.dimension();
        float[] centroid = new float[world.clusters * d];
        for (int item = 0; item < world.items; item++) {
            if (!world.unseen(item)) {
                for (int k = 0; k < d; k++) {
                    centroid[world.cluster[item] * d + k] += full[item * d + k];
                }
            }
        }
        int[] unseen = java.util.stream.IntStream.range(0, world.items).filter(world::unseen).toArray();
        float[] cold = model.embedItemsContentOnly(world.itemBatch(unseen));
        int nearest = 0;
        for (int i = 0; i < unseen.length; i++) {
            int best = -1;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < world.clusters; c++) {
                float s = dot(cold, i * d, centroid, c * d, d) / norm(centroid, c * d, d);
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            nearest += best == world.cluster[unseen[i]] ? 1 : 0;
        }
        System.out.printf("cold-start: %d of %d unseen videos nearest to their own cluster%n", nearest, unseen.length);
        assertThat((double) nearest / unseen.length).isGreaterThan(0.8);
    }

    @Test
    void javaForwardPass_matchesTorchWithin1e5() {
        int[] sample = java.util.stream.IntStream.range(0, 300).map(i -> (i * 37) % world.items).toArray();
        ItemFeatureBatch items = world.itemBatch(sample);
        assertClose(model.embedItems(items), model.embedItemsWithTorch(items, false));
        assertClose(model.embedItemsContentOnly(items), model.embedItemsWithTorch(items, true));
        int[] positions = new int[sequences.length];
        Arrays.fill(positions, 20);
        UserFeatureBatch users = world.users(sequences, positions, HISTORY);
        assertClose(model.embedUsers(users), model.embedUsersWithTorch(users));
    }

    @Test
    void saveAndLoad_giveIdenticalEmbeddings(@TempDir Path dir) throws Exception {
        model.save(dir);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrder("two-tower.json", "two-tower.params");
        ItemFeatureBatch items = world.allItems();
        try (TwoTowerModel loaded = TwoTowerModel.load(dir)) {
            assertThat(loaded.config()).isEqualTo(model.config());
            assertThat(loaded.embedItems(items)).containsExactly(model.embedItems(items));
            assertThat(loaded.embedItemsWithTorch(items, true)).containsExactly(model.embedItemsWithTorch(items, true));
        }
    }

    @Test
    void sameSeed_trainsIdenticalModels() {
        TwoTowerConfig quick = new TwoTowerConfig(SHAPE, new TrainingConfig(3e-3f, 128, 1, 1, 99L, 1, 1));
        TwoTowerExamples train = examples(10, 12);
        TwoTowerExamples validation = examples(12, 13);
        ItemFeatureBatch items = world.itemBatch(new int[] {0, 150, 1999});
        try (TwoTowerModel a = TwoTowerTrainer.train(train, validation, quick, p -> { });
             TwoTowerModel b = TwoTowerTrainer.train(train, validation, quick, p -> { });
             TwoTowerModel c = TwoTowerTrainer.train(train, validation,
                     new TwoTowerConfig(SHAPE, quick.training().withSeed(100L)), p -> { })) {
            assertThat(a.embedItems(items)).containsExactly(b.embedItems(items));
            assertThat(a.embedItems(items)).isNotEqualTo(c.embedItems(items));
        }
    }

    @Test
    void embedItems_rejectsBucketOutsideTheTable() {
        ItemFeatureBatch bad = new ItemFeatureBatch(1, new int[] {SHAPE.videoBuckets()}, new int[] {0}, new int[] {0},
                SyntheticClusterWorld.TEXT_DIM, new float[SyntheticClusterWorld.TEXT_DIM]);
        assertThatThrownBy(() -> model.embedItems(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("videos[0] = 8192 is outside [0, 8192)");
    }

    private int[] popularityTopK(int k) {
        int[] counts = new int[world.items];
        for (int[] seq : sequences) {
            for (int t = 0; t < TRAIN_UNTIL; t++) {
                counts[seq[t]]++;
            }
        }
        return java.util.stream.IntStream.range(0, world.items).boxed()
                .sorted((x, y) -> Integer.compare(counts[y], counts[x])).limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static void assertClose(float[] java, float[] torch) {
        assertThat(java).hasSameSizeAs(torch);
        float max = 0f;
        for (int i = 0; i < java.length; i++) {
            max = Math.max(max, Math.abs(java[i] - torch[i]));
        }
        assertThat(max).as("max |java − torch|").isLessThanOrEqualTo(1e-5f);
    }

    private static float dot(float[] a, int ao, float[] b, int bo, int d) {
        float s = 0;
        for (int k = 0; k < d; k++) {
            s += a[ao + k] * b[bo + k];
        }
        return s;
    }

    private static float norm(float[] a, int o, int d) {
        return (float) Math.sqrt(dot(a, o, a, o, d));
    }
}
