package dev.marquee.models;

/**
 * Optimisation settings shared by every trainer: Adam learning rate, mini-batch size, epochs with
 * early stopping ({@code patience} epochs without a better validation loss), the seed that makes a run
 * repeatable, and the PyTorch thread counts used while training.
 */
public record TrainingConfig(float learningRate, int batchSize, int maxEpochs, int patience, long seed,
                             int intraOpThreads, int interOpThreads) {

    public TrainingConfig {
        if (!(learningRate > 0f) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a positive finite number, got " + learningRate);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("batchSize must be >= 2, got " + batchSize);
        }
        if (maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("maxEpochs and patience must be >= 1, got " + maxEpochs + ", " + patience);
        }
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be >= 1");
        }
    }

    /**
     * Adam 1e-3, batch 256, 10 epochs, patience 2, seed 42, one intra-op and one inter-op thread. One
     * intra-op thread because on a shared 2-core box PyTorch's spinning OpenMP workers slow a step down
     * 10–40× as soon as another process wants the cores (measured); raise it on a dedicated machine.
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(1e-3f, 256, 10, 2, 42L, 1, 1);
    }

    public TrainingConfig withEpochs(int maxEpochs, int patience) {
        return new TrainingConfig(learningRate, batchSize, maxEpochs, patience, seed, intraOpThreads, interOpThreads);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(learningRate, batchSize, maxEpochs, patience, newSeed, intraOpThreads, interOpThreads);
    }

    public TrainingConfig withBatch(int newBatchSize, float newLearningRate) {
        return new TrainingConfig(newLearningRate, newBatchSize, maxEpochs, patience, seed, intraOpThreads, interOpThreads);
    }
}
