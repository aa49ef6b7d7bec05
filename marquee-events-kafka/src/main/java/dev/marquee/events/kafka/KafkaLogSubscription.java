package dev.marquee.events.kafka;

import dev.marquee.events.LogRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One tailing reader of a {@link KafkaEventLog}: a daemon thread with its own group-less consumer, assigned
 * the partitions at or after the start offset's partition and positioned at the start offset (its partition)
 * or at 0 (the later ones). Each non-empty poll is delivered as one batch, in order within each partition.
 * Closing wakes the blocked poll and joins the thread (unless called from the consumer callback itself).
 */
final class KafkaLogSubscription implements AutoCloseable {
    private final KafkaEventLog owner;
    private final KafkaConsumer<byte[], byte[]> kafka;
    private final Consumer<List<LogRecord>> consumer;
    private final Duration pollTimeout;
    private final Thread thread;
    private volatile boolean stopped;

    KafkaLogSubscription(KafkaEventLog owner, KafkaLogConfig config, long fromOffset, Consumer<List<LogRecord>> consumer) {
        this.owner = owner;
        this.consumer = consumer;
        this.pollTimeout = config.pollTimeout();
        this.kafka = new KafkaConsumer<>(KafkaClientProperties.reader(config, "-tail-" + fromOffset));
        int first = KafkaOffsets.partition(fromOffset);
        List<TopicPartition> assigned = new ArrayList<>();
        for (int p = first; p < config.partitions(); p++) {
            assigned.add(new TopicPartition(config.topic(), p));
        }
        kafka.assign(assigned);
        for (TopicPartition tp : assigned) {
            kafka.seek(tp, tp.partition() == first ? KafkaOffsets.partitionOffset(fromOffset) : 0);
        }
        this.thread = Thread.ofPlatform().daemon().name("kafka-event-log-tail-" + config.topic()).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!stopped) {
                ConsumerRecords<byte[], byte[]> polled = kafka.poll(pollTimeout);
                if (polled.isEmpty() || stopped) {
                    continue;
                }
                List<LogRecord> batch = new ArrayList<>(polled.count());
                for (ConsumerRecord<byte[], byte[]> r : polled) {
                    batch.add(KafkaRecordCodec.decode(r));
                }
                consumer.accept(List.copyOf(batch));
            }
        } catch (WakeupException e) {
            if (!stopped) {
                throw e;
            }
        } finally {
            kafka.close(Duration.ZERO);
            owner.removed(this);
        }
    }

    @Override
    public void close() {
        stopped = true;
        kafka.wakeup();
        if (Thread.currentThread() != thread && thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
