package dev.marquee.models.twotower;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.marquee.models.AdamStepper;
import dev.marquee.models.EarlyStoppingLoop;
import dev.marquee.models.ParamInit;
import dev.marquee.models.ParameterSet;
import dev.marquee.models.ProgressListener;
import dev.marquee.models.TorchRuntime;
import dev.marquee.models.TrainingConfig;
import java.util.Arrays;
import java.util.Set;

/**
 * Trains a two-tower model with Adam on in-batch sampled softmax with logQ correction
 * ({@link InBatchSoftmaxLoss}, Yi et al. RecSys 2019) and id dropout on the item tower. The big
 * video and creator tables get lazy Adam on the rows each batch touches ({@link SparseAdamTable}),
 * the rest dense Adam. After every
 * epoch the loss on the validation examples (fixed batches, no dropout) decides early stopping; the
 * best epoch's weights are returned. With the same seed, data and thread counts a run is repeatable:
 * initial weights, shuffles and dropout draws all come from one seeded Java generator. Trainings in
 * one JVM must not overlap (PyTorch autograd collection is process-wide in DJL).
 */
public final class TwoTowerTrainer {
    private TwoTowerTrainer() {
    }

    public static TwoTowerModel train(TwoTowerExamples examples, TwoTowerExamples validation, TwoTowerConfig config,
                                      ProgressListener listener) {
        TwoTowerShape shape = config.shape();
        TrainingConfig t = config.training();
        examples.validate(shape);
        validation.validate(shape);
        if (examples.size() < 2 || validation.size() < 2) {
            throw new IllegalArgumentException("need >= 2 training and validation examples, got "
                    + examples.size() + " and " + validation.size());
        }
        TorchRuntime.start(t.intraOpThreads(), t.interOpThreads());
        TorchRuntime.seed(t.seed());
        ParamInit random = new ParamInit(t.seed());
        TwoTowerNetwork net = new TwoTowerNetwork(shape);
        ParameterSet params = net.initialize(random);
        try {
            params.requireGradients(Set.of(TwoTowerNetwork.VIDEO, TwoTowerNetwork.CREATOR));
            AdamStepper adam = new AdamStepper(t.learningRate());
            SparseAdamTable videos = new SparseAdamTable(params, TwoTowerNetwork.VIDEO, t.learningRate());
            SparseAdamTable creators = new SparseAdamTable(params, TwoTowerNetwork.CREATOR, t.learningRate());
            long[] steps = {0};
            EarlyStoppingLoop.run(params, t, examples.size(), random,
                    (order, from, to) -> step(net, params, adam, videos, creators, ++steps[0],
                            examples.gather(order, from, to), shape, random),
                    () -> {
                        videos.writeBack();
                        creators.writeBack();
                        return validationLoss(net, params, validation, shape, t.batchSize());
                    }, listener);
            return new TwoTowerModel(config, params);
        } catch (RuntimeException e) {
            params.close();
            throw e;
        }
    }

    private static double step(TwoTowerNetwork net, ParameterSet params, AdamStepper adam, SparseAdamTable videos,
                               SparseAdamTable creators, long step, TwoTowerExamples batch, TwoTowerShape shape,
                               ParamInit random) {
        int n = batch.size();
        float[] keepVideo = keepMask(n, shape.videoIdDropout(), random);
        float[] keepCreator = keepMask(n, shape.creatorIdDropout(), random);
        UserFeatureBatch u = batch.users();
        ItemFeatureBatch i = batch.items();
        int[] videoRows = SparseAdamTable.distinct(u.historyVideos(), i.videos());
        int[] creatorRows = SparseAdamTable.distinct(i.creators());
        UserFeatureBatch localUsers = new UserFeatureBatch(n, u.historyLength(),
                SparseAdamTable.local(u.historyVideos(), videoRows), u.historyWeights(), u.ageBand(), u.country(),
                u.device(), u.hourOfDay(), u.dayOfWeek());
        ItemFeatureBatch localItems = new ItemFeatureBatch(n, SparseAdamTable.local(i.videos(), videoRows),
                SparseAdamTable.local(i.creators(), creatorRows), i.categories(), i.textDim(), i.text());
        float loss;
        try (NDManager m = params.manager().newSubManager()) {
            NDArray videoLeaf = videos.gather(m, videoRows);
            NDArray creatorLeaf = creators.gather(m, creatorRows);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray users = net.userTower(m, params, localUsers, videoLeaf);
                NDArray items = net.itemTower(m, params, localItems, keepVideo, keepCreator, videoLeaf, creatorLeaf);
                NDArray l = InBatchSoftmaxLoss.loss(m, users, items, i.videos(), batch.itemLogQ(), shape.temperature());
                collector.backward(l);
                loss = l.getFloat();
            }
            videos.update(videoRows, videoLeaf, step);
            creators.update(creatorRows, creatorLeaf, step);
        }
        adam.step(params);
        return loss;
    }

    static double validationLoss(TwoTowerNetwork net, ParameterSet params, TwoTowerExamples validation,
                                 TwoTowerShape shape, int batchSize) {
        int[] order = new int[validation.size()];
        Arrays.setAll(order, i -> i);
        double sum = 0;
        int batches = 0;
        for (int from = 0; from + 2 <= order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            TwoTowerExamples batch = validation.gather(order, from, to);
            float[] ones = new float[to - from];
            Arrays.fill(ones, 1f);
            try (NDManager m = params.manager().newSubManager()) {
                NDArray users = net.userTower(m, params, batch.users());
                NDArray items = net.itemTower(m, params, batch.items(), ones, ones);
                sum += InBatchSoftmaxLoss.loss(m, users, items, batch.items().videos(), batch.itemLogQ(),
                        shape.temperature()).getFloat();
            }
            batches++;
        }
        return sum / batches;
    }

    private static float[] keepMask(int n, float dropout, ParamInit random) {
        float[] keep = new float[n];
        for (int i = 0; i < n; i++) {
            keep[i] = random.nextDouble() < dropout ? 0f : 1f;
        }
        return keep;
    }
}
