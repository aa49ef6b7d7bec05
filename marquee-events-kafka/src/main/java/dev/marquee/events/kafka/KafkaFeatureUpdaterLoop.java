package dev.marquee.events.kafka;

import dev.marquee.events.LogRecord;
import dev.marquee.features.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer-group member feeding features: polls its share of the topic's partitions, applies each poll to
 * the writer and only then commits the polled offsets (at-least-once: a crash between apply and commit
 * redelivers the batch, which the writer's event-id idempotence absorbs). Rebalance-safe: offsets applied but
 * not yet committed are committed when partitions are revoked and on close. Start several (threads or
 * processes) with the same group id to share the partitions; a topic's partition count caps the useful members.
 * A record that cannot be decoded or applied is logged, counted in {@link #rejected()} and skipped.
 */
public final class KafkaFeatureUpdaterLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeatureUpdaterLoop.class);

    private final KafkaLogConfig config;
    private final RecordApplier writer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private final Set<Integer> assigned = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong storeRetries = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;

    /** A member of {@code groupId} over {@code config}'s topic feeding one in-process store; call {@link #start()}. */
    public KafkaFeatureUpdaterLoop(KafkaLogConfig config, String groupId, ResequencingFeatureWriter writer) {
        this(config, groupId, (RecordApplier) writer::applySkippingMalformed);
    }

    /** A member of {@code groupId} applying through {@code writer} (e.g. a {@link PartitionRoutingApplier}). */
    public KafkaFeatureUpdaterLoop(KafkaLogConfig config, String groupId, RecordApplier writer) {
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("groupId must not be blank");
        }
        this.config = config;
        this.writer = writer;
        this.consumer = new KafkaConsumer<>(KafkaClientProperties.groupMember(config, groupId, "-updater"));
        this.thread = Thread.ofPlatform().daemon().name("kafka-feature-updater-" + groupId).unstarted(this::run);
    }

    /** Joins the group and starts polling on a daemon thread; returns this. */
    public KafkaFeatureUpdaterLoop start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(config.topic()), new CommitOnRevoke());
            while (!stopped) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(config.pollTimeout());
                if (!polled.isEmpty()) {
                    applyAndCommit(polled);
                }
            }
        } catch (WakeupException e) {
            if (!stopped) {
                failure = e;
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("feature updater loop on {} stopped", config.topic(), e);
        } finally {
            commitUncommitted();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void applyAndCommit(ConsumerRecords<byte[], byte[]> polled) {
        List<LogRecord> batch = new ArrayList<>(polled.count());
        for (ConsumerRecord<byte[], byte[]> r : polled) {
            try {
                batch.add(KafkaRecordCodec.decode(r));
            } catch (IllegalStateException e) {
                LOG.warn("skipping undecodable record: {}", e.getMessage());
                rejected.incrementAndGet();
            }
        }
        while (true) {
            try {
                writer.apply(batch, (r, e) -> {
                    LOG.warn("skipping malformed event at {}: {}", r.offset(), e.getMessage());
                    rejected.incrementAndGet();
                });
                break;
            } catch (StoreUnavailableException e) {
                if (stopped) {
                    throw e;
                }
                // the store is down: keep the batch uncommitted and retry it (writers skip what they already applied)
                storeRetries.incrementAndGet();
                if (storeRetries.get() % 40 == 1) {
                    LOG.warn("feature store unavailable, retrying every 250 ms: {}", e.getMessage());
                }
                java.util.concurrent.locks.LockSupport.parkNanos(250_000_000L);
            }
        }
        for (TopicPartition tp : polled.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> records = polled.records(tp);
            uncommitted.put(tp, new OffsetAndMetadata(records.getLast().offset() + 1));
        }
        commitUncommitted();
        handled.addAndGet(polled.count());
    }

    private void commitUncommitted() {
        if (uncommitted.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(uncommitted, config.appendTimeout());
            uncommitted.clear();
        } catch (KafkaException e) {
            LOG.warn("offset commit failed (the records will be redelivered and deduplicated by event id): {}", e.getMessage());
            uncommitted.clear();
        }
    }

    /** Records polled and handled (applied, skipped as duplicates or rejected) by this member since start. */
    public long handled() {
        return handled.get();
    }

    /** Records skipped as undecodable or malformed. */
    public long rejected() {
        return rejected.get();
    }

    /** Partition numbers currently assigned to this member. */
    public Set<Integer> assignedPartitions() {
        return new TreeSet<>(assigned);
    }

    /** The error that stopped the loop, or null while healthy. */
    public Throwable failure() {
        return failure;
    }

    /** Stops polling, commits what was applied, leaves the group (its partitions move to other members). */
    @Override
    public void close() {
        stopped = true;
        consumer.wakeup();
        if (Thread.currentThread() != thread && thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class CommitOnRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitUncommitted();
            partitions.forEach(tp -> assigned.remove(tp.partition()));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> assigned.add(tp.partition()));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            uncommitted.keySet().removeAll(partitions);
            partitions.forEach(tp -> assigned.remove(tp.partition()));
        }
    }
}
