package dev.marquee.server;

/**
 * Which event log and feature store a serving node uses, and whether it applies events to the store itself.
 * One node: the embedded defaults. Several nodes: a Kafka topic and one Redis, with the feature updater running
 * as `marquee update` processes (a consumer group) instead of inside each node.
 *
 * @param eventLog      the event log
 * @param featureStore  the feature store
 * @param localUpdater  apply events to the store in this process (required for the in-memory store)
 */
public record NodeBackends(BackendSpec.EventLogSpec eventLog, BackendSpec.FeatureStoreSpec featureStore,
                           boolean localUpdater) {
    public NodeBackends {
        boolean memory = featureStore instanceof BackendSpec.MemoryStore;
        int partitions = eventLog instanceof BackendSpec.KafkaLog k ? k.partitions() : 1;
        if (memory && !localUpdater) {
            throw new IllegalArgumentException("the in-memory feature store is updated in-process: --no-local-updater needs --feature-store redis://");
        }
        if (localUpdater && partitions > 1) {
            throw new IllegalArgumentException("a " + partitions + "-partition Kafka topic is applied by `marquee update` "
                    + "processes (a consumer group) into a shared Redis store: use --feature-store redis:// with "
                    + "--no-local-updater, or partitions=1");
        }
    }

    public static NodeBackends embedded() {
        return new NodeBackends(new BackendSpec.FileLog(), new BackendSpec.MemoryStore(), true);
    }

    public boolean embeddedLog() {
        return eventLog instanceof BackendSpec.FileLog;
    }
}
