package dev.marquee.models.ranker;

import dev.marquee.models.ProgressListener;

/**
 * Knowledge distillation (Hinton et al. 2015) for the serving latency/accuracy trade-off: a smaller
 * student is trained on the teacher's predicted probabilities (soft labels), optionally blended with the
 * observed labels: {@code y = hardLabelWeight · observed + (1 − hardLabelWeight) · teacher}.
 */
public final class RankerDistiller {
    private RankerDistiller() {
    }

    public static RankerModel distill(RankerModel teacher, RankerDataset transfer, RankerDataset validation,
                                      RankerConfig studentConfig, float hardLabelWeight, ProgressListener listener) {
        if (!(hardLabelWeight >= 0f && hardLabelWeight <= 1f)) {
            throw new IllegalArgumentException("hardLabelWeight must be in [0, 1], got " + hardLabelWeight);
        }
        if (!teacher.schema().equals(transfer.schema())) {
            throw new IllegalArgumentException("the transfer set's schema differs from the teacher's");
        }
        return RankerTrainer.train(relabel(teacher, transfer, hardLabelWeight),
                relabel(teacher, validation, hardLabelWeight), studentConfig, listener);
    }

    private static RankerDataset relabel(RankerModel teacher, RankerDataset data, float hardLabelWeight) {
        float[] soft = new float[data.rows() * RankerHeads.COUNT];
        teacher.predict(data.features(), data.rows(), soft);
        for (int i = 0; i < soft.length; i++) {
            soft[i] = Math.clamp(hardLabelWeight * data.labels()[i] + (1 - hardLabelWeight) * soft[i], 0f, 1f);
        }
        return data.withLabels(soft);
    }
}
