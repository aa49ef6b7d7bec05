package dev.marquee.feed.retrieval;

import dev.marquee.models.ProgressListener;
import dev.marquee.models.TrainingConfig;
import dev.marquee.models.twotower.ItemFeatureBatch;
import dev.marquee.models.twotower.TwoTowerConfig;
import dev.marquee.models.twotower.TwoTowerExamples;
import dev.marquee.models.twotower.TwoTowerModel;
import dev.marquee.models.twotower.TwoTowerShape;
import dev.marquee.models.twotower.TwoTowerTrainer;
import dev.marquee.models.twotower.UserFeatureBatch;
import dev.marquee.models.text.TextEncoder;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;

/**
 * A real two-tower model small enough to train in a couple of seconds (one epoch on random examples). Its
 * quality is irrelevant: tests use it for the plumbing (shapes, id hashing, both index paths).
 */
public final class TinyTwoTower {
    public static final int HISTORY = 10;
    public static final TwoTowerShape SHAPE = new TwoTowerShape(384, 4096, 512, 16, 4, 8, 4, HISTORY, 8, 4, 4, 4, 32,
            16, 0.1f, 0.5f, 0.1f);

    private static TwoTowerModel shared;
    private static TextEncoder encoder;

    private TinyTwoTower() {
    }

    /** One model per test JVM (training takes seconds; the model is read-only). */
    public static synchronized TwoTowerModel shared() {
        if (shared == null) {
            shared = train(1L);
        }
        return shared;
    }

    /** One MiniLM encoder per test JVM, on two daemon threads. */
    public static synchronized TextEncoder encoder() {
        if (encoder == null) {
            encoder = new TextEncoder(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "test-text-encoder");
                t.setDaemon(true);
                return t;
            }), 1_000);
        }
        return encoder;
    }

    public static TwoTowerModel train(long seed) {
        TwoTowerConfig config = new TwoTowerConfig(SHAPE, new TrainingConfig(1e-3f, 32, 1, 1, seed, 1, 1));
        SplittableRandom random = new SplittableRandom(seed);
        return TwoTowerTrainer.train(examples(64, random), examples(8, random), config, ProgressListener.none());
    }

    private static TwoTowerExamples examples(int n, SplittableRandom random) {
        int h = HISTORY;
        int[] history = new int[n * h];
        float[] weights = new float[n * h];
        for (int i = 0; i < history.length; i++) {
            history[i] = random.nextInt(SHAPE.videoBuckets());
            weights[i] = (float) random.nextDouble();
        }
        int[] videos = new int[n], creators = new int[n], categories = new int[n];
        float[] text = new float[n * SHAPE.textDim()];
        for (int i = 0; i < n; i++) {
            videos[i] = random.nextInt(SHAPE.videoBuckets());
            creators[i] = random.nextInt(SHAPE.creatorBuckets());
            categories[i] = random.nextInt(SHAPE.categories());
        }
        for (int i = 0; i < text.length; i++) {
            text[i] = (float) random.nextGaussian() / 20f;
        }
        int[] age = new int[n], country = new int[n], device = new int[n], hour = new int[n], day = new int[n];
        for (int i = 0; i < n; i++) {
            age[i] = random.nextInt(SHAPE.ageBands());
            country[i] = random.nextInt(SHAPE.countries());
            device[i] = random.nextInt(SHAPE.devices());
            hour[i] = random.nextInt(24);
            day[i] = random.nextInt(7);
        }
        float[] logQ = new float[n];
        java.util.Arrays.fill(logQ, (float) Math.log(1.0 / n));
        return new TwoTowerExamples(new UserFeatureBatch(n, h, history, weights, age, country, device, hour, day),
                new ItemFeatureBatch(n, videos, creators, categories, SHAPE.textDim(), text), logQ);
    }
}
