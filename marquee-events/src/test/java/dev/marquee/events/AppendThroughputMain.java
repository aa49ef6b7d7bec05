package dev.marquee.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measurement, not a test: appends small interaction events in batches of 1,000 to a fresh
 * {@link FileEventLog} (fsync per batch, the default) on one thread and prints events/s and batch
 * latency percentiles. Args: [events=2000000] [batch=1000] [dir=temp]; {@code -DfsyncIntervalMs=N}
 * switches to the interval fsync policy, to separate CPU cost from fsync cost.
 */
public final class AppendThroughputMain {
    private AppendThroughputMain() {
    }

    public static void main(String[] args) throws IOException {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("marquee-append-bench");
        List<List<Event>> warmup = generate("w", Math.min(total, 300_000), batchSize);
        List<List<Event>> batches = generate("m", total, batchSize);
        System.gc(); // promote the pre-generated events now, so no collection copies them during the measurement
        run(dir.resolve("warmup"), warmup, false);
        run(dir.resolve("measure"), batches, true);
        deleteRecursively(dir);
    }

    private static void run(Path dir, List<List<Event>> batches, boolean report) {
        long[] nanos = new long[batches.size()];
        long events = 0;
        long start = System.nanoTime();
        FileEventLogConfig config = FileEventLogConfig.DEFAULTS;
        String interval = System.getProperty("fsyncIntervalMs");
        if (interval != null) {
            config = config.withLog(config.log().withFsyncInterval(java.time.Duration.ofMillis(Long.parseLong(interval))));
        }
        try (FileEventLog log = FileEventLog.open(dir, config)) {
            for (int b = 0; b < batches.size(); b++) {
                long t = System.nanoTime();
                events += log.append(batches.get(b)).accepted();
                nanos[b] = System.nanoTime() - t;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report) {
            Arrays.sort(nanos);
            long bytes = dirBytes(dir);
            System.out.printf("appended %,d events in %,d batches of %d in %.2f s: %,.0f events/s, %.1f MB/s, "
                            + "%.1f bytes/event on disk; batch latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    events, batches.size(), batches.getFirst().size(), seconds, events / seconds, bytes / seconds / 1e6,
                    (double) bytes / events, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                    nanos[nanos.length - 1] / 1e6);
        }
    }

    /** Small interactions with realistic ids; user/video ids drawn from pools so the heap holds mainly eventIds. */
    static List<List<Event>> generate(String prefix, int total, int batchSize) {
        String[] users = new String[10_000];
        String[] videos = new String[50_000];
        Arrays.setAll(users, i -> "user-" + i);
        Arrays.setAll(videos, i -> "video-" + i);
        List<List<Event>> out = new ArrayList<>();
        long ts = TestEvents.T0;
        for (int i = 0; i < total; i += batchSize) {
            List<Event> batch = new ArrayList<>(batchSize);
            for (int k = i; k < Math.min(total, i + batchSize); k++) {
                String id = prefix + "-" + k;
                String u = users[(k * 7) % users.length];
                String v = videos[(k * 13) % videos.length];
                batch.add(k % 10 == 0 ? new Click(id, ts + k, u, v, "req-" + (k / 20))
                        : new Impression(id, ts + k, u, v, "req-" + (k / 20), k % 20));
            }
            out.add(batch);
        }
        return out;
    }

    private static long dirBytes(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
