package dev.marquee.events.kafka;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Settings of a {@link KafkaEventLog} (one topic = one stream). Defaults in {@link #of}: one partition (exact
 * {@code EventLog} semantics, dense offsets), replication factor 1 (a dev broker; use 3 with
 * {@code min.insync.replicas=2} in production), 10 s append timeout, 1,048,576 tracked event ids for dedupe.
 *
 * @param bootstrapServers  {@code host:port[,host:port...]}
 * @param topic             the stream's topic; created with {@code partitions} and LogAppendTime when missing
 * @param partitions        partitions of the topic (an existing topic must have exactly this many)
 * @param replicationFactor replicas per partition when the topic is created
 * @param clientId          prefix of the Kafka client ids (shows in broker metrics and logs)
 * @param appendTimeout     longest {@link KafkaEventLog#append} waits for every acknowledgement before throwing;
 *                          also bounds connecting at open and each read
 * @param pollTimeout       longest one consumer poll blocks (subscriptions and the updater loop re-check
 *                          for close at this period)
 * @param dedupeCapacity    eventIds this node remembers for dedupe (8 bytes each, about 24 with the index)
 * @param maxPollRecords    most records one poll (one delivered batch) carries
 */
public record KafkaLogConfig(String bootstrapServers, String topic, int partitions, short replicationFactor,
                             String clientId, Duration appendTimeout, Duration pollTimeout, int dedupeCapacity,
                             int maxPollRecords) {
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public KafkaLogConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must be host:port, got " + bootstrapServers);
        }
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("topic must be 1-249 of [a-zA-Z0-9._-], got " + topic);
        }
        if (partitions < 1 || partitions > KafkaOffsets.MAX_PARTITION + 1) {
            throw new IllegalArgumentException("partitions must be in [1, 2^23], got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be >= 1, got " + replicationFactor);
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        requirePositive("appendTimeout", appendTimeout);
        requirePositive("pollTimeout", pollTimeout);
        if (dedupeCapacity < 1 || dedupeCapacity > (1 << 26)) {
            throw new IllegalArgumentException("dedupeCapacity must be in [1, 2^26], got " + dedupeCapacity);
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be >= 1, got " + maxPollRecords);
        }
    }

    /** The defaults for {@code topic} on {@code bootstrapServers}. */
    public static KafkaLogConfig of(String bootstrapServers, String topic) {
        return new KafkaLogConfig(bootstrapServers, topic, 1, (short) 1, "marquee", Duration.ofSeconds(10),
                Duration.ofMillis(200), 1 << 20, 4096);
    }

    public KafkaLogConfig withPartitions(int n) {
        return new KafkaLogConfig(bootstrapServers, topic, n, replicationFactor, clientId, appendTimeout, pollTimeout,
                dedupeCapacity, maxPollRecords);
    }

    public KafkaLogConfig withTopic(String t) {
        return new KafkaLogConfig(bootstrapServers, t, partitions, replicationFactor, clientId, appendTimeout, pollTimeout,
                dedupeCapacity, maxPollRecords);
    }

    public KafkaLogConfig withClientId(String id) {
        return new KafkaLogConfig(bootstrapServers, topic, partitions, replicationFactor, id, appendTimeout, pollTimeout,
                dedupeCapacity, maxPollRecords);
    }

    public KafkaLogConfig withAppendTimeout(Duration timeout) {
        return new KafkaLogConfig(bootstrapServers, topic, partitions, replicationFactor, clientId, timeout, pollTimeout,
                dedupeCapacity, maxPollRecords);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
