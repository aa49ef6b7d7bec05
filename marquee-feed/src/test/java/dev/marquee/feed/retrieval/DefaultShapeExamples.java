package dev.marquee.feed.retrieval;

import dev.marquee.models.twotower.ItemFeatureBatch;
import dev.marquee.models.twotower.TwoTowerExamples;
import dev.marquee.models.twotower.TwoTowerShape;
import dev.marquee.models.twotower.UserFeatureBatch;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Random but valid two-tower examples for any shape (the measurement only needs a model of the right size). */
final class DefaultShapeExamples {
    private DefaultShapeExamples() {
    }

    static TwoTowerExamples of(TwoTowerShape shape, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int h = shape.historyLength();
        int[] history = random.ints((long) n * h, 0, shape.videoBuckets()).toArray();
        float[] weights = new float[n * h];
        Arrays.fill(weights, 1f);
        float[] text = new float[n * shape.textDim()];
        for (int i = 0; i < text.length; i++) {
            text[i] = (float) random.nextGaussian() / 20f;
        }
        float[] logQ = new float[n];
        Arrays.fill(logQ, (float) Math.log(1.0 / n));
        return new TwoTowerExamples(
                new UserFeatureBatch(n, h, history, weights, random.ints(n, 0, shape.ageBands()).toArray(),
                        random.ints(n, 0, shape.countries()).toArray(), random.ints(n, 0, shape.devices()).toArray(),
                        random.ints(n, 0, 24).toArray(), random.ints(n, 0, 7).toArray()),
                new ItemFeatureBatch(n, random.ints(n, 0, shape.videoBuckets()).toArray(),
                        random.ints(n, 0, shape.creatorBuckets()).toArray(),
                        random.ints(n, 0, shape.categories()).toArray(), shape.textDim(), text),
                logQ);
    }
}
