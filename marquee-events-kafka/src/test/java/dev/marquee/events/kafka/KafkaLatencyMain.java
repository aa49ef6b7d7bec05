package dev.marquee.events.kafka;

import dev.marquee.events.Event;
import dev.marquee.events.LogRecord;
import dev.marquee.events.TestEvents;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.FeatureWriter;
import dev.marquee.features.InMemoryFeatureStore;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Measurement, not a test: append throughput and latency of 500-event batches, and end-to-end latency from
 * append start to the consumer-group updater having applied the event, against an in-process broker.
 * Run: {@code java -cp <test classpath> dev.marquee.events.kafka.KafkaLatencyMain [batches]}.
 */
public final class KafkaLatencyMain {
    private KafkaLatencyMain() {
    }

    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            appendThroughput(broker, batches);
            endToEnd(broker, 500);
        }
    }

    private static void appendThroughput(EmbeddedKafkaBroker broker, int batches) {
        try (KafkaEventLog log = KafkaEventLog.open(KafkaLogConfig.of(broker.bootstrapServers(), "bench-append"))) {
            for (int i = 0; i < 20; i++) {
                log.append(TestEvents.batch("warm" + i + "-", 500));
            }
            long[] micros = new long[batches];
            long start = System.nanoTime();
            for (int i = 0; i < batches; i++) {
                List<Event> batch = TestEvents.batch("b" + i + "-", 500);
                long t = System.nanoTime();
                log.append(batch);
                micros[i] = (System.nanoTime() - t) / 1000;
            }
            double secs = (System.nanoTime() - start) / 1e9;
            Arrays.sort(micros);
            System.out.printf("append, 1 partition, %d batches of 500: %.0f events/s; per-append p50 %.2f ms, p99 %.2f ms%n",
                    batches, batches * 500 / secs, micros[batches / 2] / 1000.0, micros[batches * 99 / 100] / 1000.0);
        }
    }

    private static void endToEnd(EmbeddedKafkaBroker broker, int samples) {
        KafkaLogConfig config = KafkaLogConfig.of(broker.bootstrapServers(), "bench-e2e").withPartitions(4);
        ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] micros = new long[samples];
        AtomicInteger seen = new AtomicInteger();
        FeatureWriter store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        FeatureWriter timing = new FeatureWriter() {
            @Override
            public int apply(List<LogRecord> batch) {
                int n = store.apply(batch);
                long now = System.nanoTime();
                for (LogRecord r : batch) {
                    Long t = sentAt.remove(r.event().eventId());
                    int i = seen.getAndIncrement();
                    if (t != null && i < samples) {
                        micros[i] = (now - t) / 1000;
                    }
                }
                return n;
            }

            @Override
            public long appliedOffset() {
                return store.appliedOffset();
            }
        };
        try (KafkaEventLog log = KafkaEventLog.open(config);
             KafkaFeatureUpdaterLoop loop = new KafkaFeatureUpdaterLoop(config, "bench", new ResequencingFeatureWriter(timing)).start()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (loop.assignedPartitions().size() < 4 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(10_000_000);
            }
            for (int i = 0; i < samples; i++) {
                List<Event> one = TestEvents.batch("e2e" + i + "-", 1);
                sentAt.put(one.getFirst().eventId(), System.nanoTime());
                log.append(one);
                LockSupport.parkNanos(2_000_000);
            }
            while (seen.get() < samples && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(30)) {
                LockSupport.parkNanos(10_000_000);
            }
        }
        int n = Math.min(seen.get(), samples);
        long[] got = Arrays.copyOf(micros, n);
        Arrays.sort(got);
        System.out.printf("end-to-end append -> updater applied, 4 partitions, %d single events: p50 %.2f ms, p99 %.2f ms%n",
                n, got[n / 2] / 1000.0, got[n * 99 / 100] / 1000.0);
    }
}
