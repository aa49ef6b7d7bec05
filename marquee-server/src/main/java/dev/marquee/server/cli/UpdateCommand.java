package dev.marquee.server.cli;

import dev.marquee.events.kafka.KafkaFeatureUpdaterLoop;
import dev.marquee.events.kafka.KafkaLogConfig;
import dev.marquee.events.kafka.PartitionRoutingApplier;
import dev.marquee.features.redis.RedisFeatureStore;
import dev.marquee.features.redis.RedisStoreConfig;
import dev.marquee.server.BackendSpec;
import dev.marquee.server.CliException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The scale-out feature updater: a Kafka consumer-group member that applies its share of the partitions to the
 * shared Redis store (one writer stream per partition) and commits offsets only after the features are written.
 * Run as many as there are partitions to spread the write load; serving nodes run with --no-local-updater.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Apply events from a Kafka topic to a shared Redis feature store as a member of a consumer group "
                + "(run several for more partitions); runs until Ctrl-C.")
public final class UpdateCommand implements Callable<Integer> {
    @Option(names = "--event-log", required = true, description = "kafka://HOST:PORT[?topic=marquee-events&partitions=N]")
    String eventLog;

    @Option(names = "--feature-store", required = true, description = "redis://HOST:PORT[?prefix=marquee]")
    String featureStore;

    @Option(names = "--group", defaultValue = "marquee-feature-updaters", description = "consumer group (default ${DEFAULT-VALUE})")
    String group;

    @Override
    public Integer call() throws Exception {
        if (!(BackendSpec.eventLog(eventLog) instanceof BackendSpec.KafkaLog k)) {
            throw new CliException("--event-log must be kafka://HOST:PORT (the embedded log is applied by `marquee serve` itself)");
        }
        if (!(BackendSpec.featureStore(featureStore) instanceof BackendSpec.RedisStore r)) {
            throw new CliException("--feature-store must be redis://HOST:PORT (the in-memory store lives inside `marquee serve`)");
        }
        try (Running running = start(k, r, group)) {
            System.err.printf("marquee update: group %s applying %s/%s to redis %s:%d%n", group, k.bootstrapServers(),
                    k.topic(), r.host(), r.port());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stopped::countDown));
            stopped.await();
        }
        return 0;
    }

    /** A running updater: the consumer loop and the per-partition writers it feeds. */
    public record Running(KafkaFeatureUpdaterLoop loop, PartitionRoutingApplier writers) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            loop.close();
            writers.close();
        }
    }

    /** Starts a group member (also used by tests). */
    public static Running start(BackendSpec.KafkaLog k, BackendSpec.RedisStore r, String group) {
        RedisStoreConfig base = RedisStoreConfig.defaults(r.host(), r.port()).withKeyPrefix(r.prefix() + ":");
        PartitionRoutingApplier writers = new PartitionRoutingApplier(
                p -> new RedisFeatureStore(base.withWriterId("events-" + p)));
        KafkaLogConfig log = KafkaLogConfig.of(k.bootstrapServers(), k.topic()).withPartitions(k.partitions())
                .withClientId("marquee-updater-" + ProcessHandle.current().pid());
        return new Running(new KafkaFeatureUpdaterLoop(log, group, writers).start(), writers);
    }
}
