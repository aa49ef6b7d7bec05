package dev.marquee.models;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * One Adam update (Kingma &amp; Ba 2015, DJL's fused kernel) over every tensor of a
 * {@link ParameterSet}, then zeroes the gradients PyTorch accumulated for the next step.
 */
public final class AdamStepper {
    private final Optimizer adam;

    public AdamStepper(float learningRate) {
        this.adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
    }

    /** Applies the gradients of the last backward pass to every tensor that requires one. */
    public void step(ParameterSet params) {
        for (String name : params.names()) {
            NDArray weight = params.get(name);
            if (!weight.hasGradient()) {
                continue;
            }
            try (NDArray grad = weight.getGradient()) {
                adam.update(name, weight, grad);
            }
            JniUtils.zeroGrad((PtNDArray) weight);
        }
    }
}
