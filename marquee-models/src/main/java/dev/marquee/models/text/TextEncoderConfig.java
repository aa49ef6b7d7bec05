package dev.marquee.models.text;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * How a {@link TextEncoder} runs the model.
 *
 * @param variant        which MiniLM export (see {@link MiniLmVariant})
 * @param parallelism    threads, the caller included, working on one call's batches
 * @param maxBatch       texts per ONNX run (forced to 1 for a variant that cannot batch)
 * @param intraOpThreads ONNX Runtime threads per run; 1 computes on the working thread, which is the
 *                       right choice whenever parallelism already covers the cores
 */
public record TextEncoderConfig(MiniLmVariant variant, int parallelism, int maxBatch, int intraOpThreads) {
    /**
     * Texts per run: sorted short titles gain ≈ 15 % over one per run at 8–16 and lose again past 32, as
     * the activations outgrow the L2 cache (measured, {@code TextEncoderThroughputMeasurement}).
     */
    public static final int DEFAULT_BATCH = 16;

    public TextEncoderConfig {
        Objects.requireNonNull(variant, "variant");
        if (parallelism < 1 || maxBatch < 1 || intraOpThreads < 1) {
            throw new IllegalArgumentException("parallelism, maxBatch and intraOpThreads must be >= 1, got "
                    + parallelism + ", " + maxBatch + ", " + intraOpThreads);
        }
    }

    /** Full precision, batches of {@value #DEFAULT_BATCH}, one ONNX thread per run, as parallel as {@code executor}. */
    public static TextEncoderConfig forExecutor(Executor executor) {
        int cores = Runtime.getRuntime().availableProcessors();
        int parallelism = switch (executor) {
            case ThreadPoolExecutor pool -> Math.clamp(pool.getMaximumPoolSize(), 1, cores);
            case ForkJoinPool pool -> Math.clamp(pool.getParallelism(), 1, cores);
            default -> cores;
        };
        return new TextEncoderConfig(MiniLmVariant.FULL_PRECISION, parallelism, DEFAULT_BATCH, 1);
    }

    public TextEncoderConfig withVariant(MiniLmVariant v) {
        return new TextEncoderConfig(v, parallelism, maxBatch, intraOpThreads);
    }

    public TextEncoderConfig withParallelism(int p) {
        return new TextEncoderConfig(variant, p, maxBatch, intraOpThreads);
    }

    public TextEncoderConfig withMaxBatch(int b) {
        return new TextEncoderConfig(variant, parallelism, b, intraOpThreads);
    }

    public TextEncoderConfig withIntraOpThreads(int t) {
        return new TextEncoderConfig(variant, parallelism, maxBatch, t);
    }

    /** The batch size actually used. */
    int effectiveBatch() {
        return variant.batchable() ? maxBatch : 1;
    }
}
