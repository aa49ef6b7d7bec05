package dev.marquee.models;

import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The epoch loop every trainer shares: shuffle with the seeded generator, run mini-batch steps, measure
 * validation loss after each epoch, keep the best epoch's weights and stop after {@code patience}
 * epochs without improvement (Prechelt, "Early Stopping — But When?", 1998). On return the parameters
 * hold the best epoch's values.
 */
public final class EarlyStoppingLoop {
    private static final int REPORT_EVERY_STEPS = 50;

    /** Trains on the examples {@code order[from..to)} and returns the batch loss. */
    @FunctionalInterface
    public interface BatchStep {
        double train(int[] order, int from, int to);
    }

    private EarlyStoppingLoop() {
    }

    public static void run(ParameterSet params, TrainingConfig t, int examples, ParamInit random, BatchStep step,
                           DoubleSupplier validationLoss, ProgressListener listener) {
        int[] order = new int[examples];
        Arrays.setAll(order, i -> i);
        double best = Double.POSITIVE_INFINITY;
        Map<String, float[]> bestWeights = params.snapshot();
        int sinceBest = 0;
        long steps = 0, seen = 0, start = System.nanoTime();
        for (int epoch = 1; epoch <= t.maxEpochs() && sinceBest < t.patience(); epoch++) {
            shuffle(order, random);
            double lossSum = 0;
            int batches = 0;
            for (int from = 0; from + 2 <= order.length; from += t.batchSize()) {
                int to = Math.min(order.length, from + t.batchSize());
                lossSum += step.train(order, from, to);
                batches++;
                steps++;
                seen += to - from;
                if (steps % REPORT_EVERY_STEPS == 0) {
                    listener.onProgress(new TrainingProgress(epoch, steps, seen, lossSum / batches, Double.NaN,
                            rate(seen, start), false, false));
                }
            }
            double loss = validationLoss.getAsDouble();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("validation loss became " + loss + " in epoch " + epoch
                        + "; lower the learning rate");
            }
            boolean improved = loss < best;
            if (improved) {
                best = loss;
                bestWeights = params.snapshot();
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            listener.onProgress(new TrainingProgress(epoch, steps, seen, lossSum / Math.max(1, batches), loss,
                    rate(seen, start), true, improved));
        }
        params.restore(bestWeights);
    }

    private static void shuffle(int[] order, ParamInit random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    private static double rate(long seen, long startNanos) {
        return seen / Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    }
}
