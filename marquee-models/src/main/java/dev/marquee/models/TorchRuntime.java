package dev.marquee.models;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Starts the PyTorch engine with explicit thread counts and seeds its RNG. PyTorch's thread pools are
 * process-wide: inter-op threads are fixed when the engine first loads (via the
 * {@code ai.djl.pytorch.num_interop_threads} property, set here only if nobody set it before), intra-op
 * threads can be changed between calls. Run with {@code -Dai.djl.offline=true} and
 * {@code PYTORCH_FLAVOR=cpu} so the native library comes from the {@code pytorch-native-cpu} jar.
 * With more than one intra-op thread also set {@code OMP_WAIT_POLICY=PASSIVE} in the environment:
 * spinning OpenMP workers made steps 10–40× slower on a busy 2-core box (measured).
 */
public final class TorchRuntime {
    private static final String ENGINE = "PyTorch";

    private TorchRuntime() {
    }

    /** Loads the engine (first call ≈ 2–3 s) and sets the intra-op thread count for the calling process. */
    public static void start(int intraOpThreads, int interOpThreads) {
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be >= 1, got intra-op " + intraOpThreads
                    + ", inter-op " + interOpThreads);
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(interOpThreads));
        }
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intraOpThreads));
        }
        Engine.getEngine(ENGINE);
        if (JniUtils.getNumThreads() != intraOpThreads) {
            JniUtils.setNumThreads(intraOpThreads);
        }
    }

    /** Seeds PyTorch's global generator (ops that sample inside the engine become repeatable). */
    public static void seed(long seed) {
        Engine.getEngine(ENGINE).setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /** The intra-op thread count currently in force, for reports. */
    public static int intraOpThreads() {
        Engine.getEngine(ENGINE);
        return JniUtils.getNumThreads();
    }
}
