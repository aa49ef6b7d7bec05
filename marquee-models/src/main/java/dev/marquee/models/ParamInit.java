package dev.marquee.models;

import java.util.SplittableRandom;

/**
 * Initial weights drawn in Java from a seeded generator, so a run's starting point depends only on the
 * seed (not on the engine's RNG): Glorot-uniform for dense layers (Glorot &amp; Bengio 2010), small
 * normal values for embedding tables.
 */
public final class ParamInit {
    private final SplittableRandom random;

    public ParamInit(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A {@code in × out} weight matrix, row-major, uniform in ±sqrt(6 / (in + out)). */
    public float[] glorot(int in, int out) {
        double limit = Math.sqrt(6.0 / (in + out));
        float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return w;
    }

    /** {@code n} values from N(0, std²) (Box–Muller). */
    public float[] normal(int n, double std) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            double u1 = Math.max(random.nextDouble(), 1e-12);
            double u2 = random.nextDouble();
            w[i] = (float) (std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return w;
    }

    /** A uniform index in [0, bound), for shuffles and dropout draws. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A uniform double in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }
}
