package dev.marquee.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Measurement only (prints, asserts nothing): world build time, generation throughput and peak heap.
 * Usage: {@code java -Xmx8g -cp ... dev.marquee.sim.GenerationMeasurement [videos users days]};
 * without arguments it measures the default world.
 */
public final class GenerationMeasurement {
    private GenerationMeasurement() {
    }

    public static void main(String[] args) {
        long startMillis = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        WorldConfig config = WorldConfig.defaults(startMillis);
        if (args.length == 3) {
            config = config.scaledTo(Integer.parseInt(args[0]), Integer.parseInt(args[1])).withDays(Integer.parseInt(args[2]));
        }
        config = config.withDays(config.days());
        WorldConfig shifted = new WorldConfig(config.topics(), config.creators(), config.videos(), config.users(),
                config.days(), config.seed(), startMillis - config.days() * WorldConfig.DAY_MILLIS,
                config.backCatalogShare(), config.backCatalogDays(), config.newUserShare(), config.dailyActiveShare(),
                config.sessionsPerActiveUserPerDay(), config.feedSize(), config.maxPagesPerSession(),
                config.interestDriftPerDay(), config.baselinePopularShare());
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        World world = World.generate(shifted);
        long t1 = System.nanoTime();
        double buildSeconds = (t1 - t0) / 1e9;
        System.gc();
        long worldHeap = usedHeap();
        CountingEventLog log = new CountingEventLog();
        long cpu0 = threads.getCurrentThreadCpuTime();
        t1 = System.nanoTime();
        HistoryStats stats = HistoryGenerator.baseline(world).generate(log, ProgressListener.NONE);
        long t2 = System.nanoTime();
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double genSeconds = (t2 - t1) / 1e9;
        System.out.printf("world: videos=%d users=%d creators=%d topics=%d categories=%d days=%d%n",
                world.videoCount(), world.userCount(), world.creatorCount(), world.topicCount(),
                world.categoryCount(), shifted.days());
        System.out.printf("world build: %.2f s, retained heap after GC: %d MB%n", buildSeconds, worldHeap >> 20);
        System.out.printf("history: %s%n", stats);
        System.out.printf("ctr=%.4f longViewRate=%.4f shareRate=%.4f outOfOrder=%d%n",
                stats.clickThroughRate(), stats.longViewRate(), stats.shareRate(), log.outOfOrder());
        System.out.printf("generation: %.2f s wall, %.0f events/s wall; %.2f s CPU of the generating thread, %.0f events/s per CPU-second%n",
                genSeconds, stats.events() / genSeconds, cpuSeconds, stats.events() / cpuSeconds);
        System.out.printf("peak heap (sum of pool peaks): %d MB, max heap %d MB%n", peakHeap() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
