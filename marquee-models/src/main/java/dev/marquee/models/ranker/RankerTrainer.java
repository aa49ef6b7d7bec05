package dev.marquee.models.ranker;

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
import java.util.SplittableRandom;

/**
 * Trains a multi-task ranker (MMoE or shared-bottom, see {@link RankerNetwork}) with Adam on the
 * head-weighted sum of per-head binary cross-entropies, early-stopping on validation loss. Labels may be
 * soft (a teacher's probabilities). Repeatable for a given seed, data and thread counts; trainings in
 * one JVM must not overlap.
 */
public final class RankerTrainer {
    private RankerTrainer() {
    }

    public static RankerModel train(RankerDataset dataset, RankerDataset validation, RankerConfig config,
                                    ProgressListener listener) {
        if (!dataset.schema().equals(validation.schema())) {
            throw new IllegalArgumentException("training and validation rows use different schemas");
        }
        TrainingConfig t = config.training();
        TorchRuntime.start(t.intraOpThreads(), t.interOpThreads());
        TorchRuntime.seed(t.seed());
        RankerSpec spec = new RankerSpec(config, dataset.schema(),
                FeatureNormalizer.fit(dataset.schema(), dataset.features(), dataset.rows()));
        RankerNetwork net = new RankerNetwork(config.shape(), dataset.schema());
        ParamInit random = new ParamInit(t.seed());
        ParameterSet params = net.initialize(random);
        try {
            params.requireGradients(java.util.Set.of());
            AdamStepper adam = new AdamStepper(t.learningRate());
            float[] weights = config.lossWeights();
            RankerRegularization reg = config.regularization();
            SplittableRandom dropout = new SplittableRandom(t.seed() * 0x9E3779B97F4A7C15L + 1);
            EarlyStoppingLoop.run(params, t, dataset.rows(), random, (order, from, to) -> {
                RankerInputs inputs = RankerInputs.of(spec, dataset.features(), order, from, to);
                reg.dropIds(spec.schema(), inputs, dropout);
                float[] labels = RankerInputs.labels(dataset.labels(), order, from, to);
                float loss;
                try (NDManager m = params.manager().newSubManager();
                     GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray l = RankerNetwork.loss(m, net.logits(m, params, inputs), labels, weights);
                    loss = l.getFloat();
                    NDArray penalty = reg.embeddingPenalty(m, spec.schema(), params, inputs);
                    collector.backward(penalty == null ? l : l.add(penalty));
                }
                adam.step(params);
                return loss;
            }, () -> validationLoss(spec, net, params, validation, weights, t.batchSize()), listener);
            return new RankerModel(spec, params);
        } catch (RuntimeException e) {
            params.close();
            throw e;
        }
    }

    private static double validationLoss(RankerSpec spec, RankerNetwork net, ParameterSet params,
                                         RankerDataset validation, float[] weights, int batchSize) {
        double sum = 0;
        for (int from = 0; from < validation.rows(); from += batchSize) {
            int to = Math.min(validation.rows(), from + batchSize);
            RankerInputs inputs = RankerInputs.of(spec, validation.features(), null, from, to);
            float[] labels = RankerInputs.labels(validation.labels(), null, from, to);
            try (NDManager m = params.manager().newSubManager()) {
                sum += RankerNetwork.loss(m, net.logits(m, params, inputs), labels, weights).getFloat() * (to - from);
            }
        }
        return sum / validation.rows();
    }
}
