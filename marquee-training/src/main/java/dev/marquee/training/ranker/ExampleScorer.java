package dev.marquee.training.ranker;

/** Anything that predicts the three heads for ranker rows, so models and baselines are evaluated alike. */
@FunctionalInterface
public interface ExampleScorer {
    /** Writes {@code rows × 3} probabilities (click, watch &gt; 30 s, share) for row-major {@code features}. */
    void predict(float[] features, int rows, float[] out);
}
