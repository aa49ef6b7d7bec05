package dev.marquee.training.ranker;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Scoring latency of one batch, in calling-thread CPU milliseconds (a busy shared machine distorts CPU
 * time far less than wall time). A measurement to report, never to assert on; JMH gives the real figures.
 */
public record Latency(int rows, @JsonProperty("p50_ms") double p50Ms, @JsonProperty("p99_ms") double p99Ms) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Runs {@code call} {@code warmup} times, then measures {@code runs} calls. */
    public static Latency measure(int rows, int warmup, int runs, Runnable call) {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            call.run();
            ms[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new Latency(rows, ms[runs / 2], ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)]);
    }
}
