package dev.marquee.feed.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.features.VideoFeatureBatch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Reports (asserts nothing about time) the whole re-rank stage's latency on 500 scored, hydrated candidates,
 * page of 20, explain off: 2,000 warm-up runs, then p50/p99 over 10,000 timed runs on this thread, as wall
 * time and as thread CPU time (the latter is what one core spends, unaffected by other processes taking the
 * core away on a shared machine). Candidate construction and hydration are outside the timed region. JMH:
 * {@code RerankBench} in marquee-bench.
 */
class RerankStageLatencyReportTest {
    @Test
    void report_rerankLatencyOn500Candidates() {
        Catalog catalog = Catalog.shared();
        RerankStage stage = RerankStage.standard(RerankConfig.defaults(), BlockList.empty(),
                catalog.world.store.languages(), ItemEmbeddings.NONE);
        VideoFeatureBatch batch = new VideoFeatureBatch(500);
        SplittableRandom r = new SplittableRandom(1);
        int warmup = 2_000;
        int runs = 10_000;
        long[] nanos = new long[runs];
        long[] cpuNanos = new long[runs];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup + runs; i++) {
            List<Candidate> cands = catalog.candidates(r, 500);
            FeedQuery q = catalog.world.query("visitor", 20, Catalog.NOW, r.nextLong(), false, cands, batch);
            long cpu = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            List<Candidate> page = stage.apply(q, cands);
            long elapsed = System.nanoTime() - t;
            long cpuElapsed = threads.getCurrentThreadCpuTime() - cpu;
            assertThat(page).hasSize(20);
            if (i >= warmup) {
                nanos[i - warmup] = elapsed;
                cpuNanos[i - warmup] = cpuElapsed;
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        System.out.printf("re-rank stage, 500 candidates -> 20 (%,d runs): wall p50 %.1f us, p99 %.1f us; "
                        + "thread CPU p50 %.1f us, p99 %.1f us (load average %.1f on %d cores)%n", runs,
                nanos[runs / 2] / 1e3, nanos[(int) (runs * 0.99)] / 1e3, cpuNanos[runs / 2] / 1e3,
                cpuNanos[(int) (runs * 0.99)] / 1e3, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
