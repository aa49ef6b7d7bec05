package dev.marquee.events.kafka;

import dev.marquee.events.EventLogException;
import dev.marquee.events.LogRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Random-access reads over the topic with one group-less consumer (assign + seek) guarded by a lock, since a
 * Kafka consumer is single-threaded. A read first fetches the partitions' end offsets (high watermarks), so
 * it returns exactly the acknowledged records that exist when it starts and never waits for new ones.
 */
final class KafkaLogReader implements AutoCloseable {
    private final KafkaLogConfig config;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();

    KafkaLogReader(KafkaLogConfig config) {
        this.config = config;
        this.consumer = new KafkaConsumer<>(KafkaClientProperties.reader(config, "-reader"));
        for (int p = 0; p < config.partitions(); p++) {
            partitions.add(new TopicPartition(config.topic(), p));
        }
    }

    /** End offset (next offset to be written) of every partition, by partition number. */
    long[] endOffsets() {
        lock.lock();
        try {
            return ends();
        } catch (KafkaException e) {
            throw new EventLogException("cannot fetch end offsets of " + config.topic() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} records in packed-offset order from {@code from}: the rest of its partition, then the next ones. */
    List<LogRecord> read(long from, int max) {
        int first = KafkaOffsets.partition(from);
        List<LogRecord> out = new ArrayList<>(Math.min(max, 1 << 12));
        lock.lock();
        try {
            long[] ends = ends();
            for (int p = first; p < ends.length && out.size() < max; p++) {
                long start = p == first ? KafkaOffsets.partitionOffset(from) : 0;
                long stop = Math.min(ends[p], start + (max - out.size()));
                scan(p, start, stop, r -> out.add(KafkaRecordCodec.decode(r)));
            }
            return out;
        } catch (KafkaException e) {
            throw new EventLogException("cannot read " + config.topic() + " from offset " + from + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Visits the last {@code perPartition} records of every partition (rebuilding the dedupe memory at open). */
    void scanTail(int perPartition, Consumer<ConsumerRecord<byte[], byte[]>> visitor) {
        lock.lock();
        try {
            long[] ends = ends();
            for (int p = 0; p < ends.length; p++) {
                scan(p, Math.max(0, ends[p] - perPartition), ends[p], visitor);
            }
        } catch (KafkaException e) {
            throw new EventLogException("cannot read the tail of " + config.topic() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private long[] ends() {
        Map<TopicPartition, Long> map = consumer.endOffsets(partitions, config.appendTimeout());
        long[] out = new long[partitions.size()];
        for (TopicPartition tp : partitions) {
            out[tp.partition()] = map.get(tp);
        }
        return out;
    }

    /** Visits partition {@code p}'s records in [start, stop); records removed by retention are skipped. */
    private void scan(int p, long start, long stop, Consumer<ConsumerRecord<byte[], byte[]>> visitor) {
        if (start >= stop) {
            return;
        }
        TopicPartition tp = partitions.get(p);
        consumer.assign(List.of(tp));
        consumer.seek(tp, start);
        long deadline = System.nanoTime() + config.appendTimeout().toNanos();
        long next = start;
        while (next < stop) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new EventLogException("read of " + tp + " stalled at offset " + next + " (end " + stop
                        + ") for " + config.appendTimeout());
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofNanos(Math.min(left, config.pollTimeout().toNanos())))) {
                if (r.offset() >= stop) {
                    break;
                }
                visitor.accept(r);
                next = r.offset() + 1;
            }
            next = Math.max(next, consumer.position(tp));
        }
        consumer.assign(List.of());
    }

    @Override
    public void close() {
        lock.lock();
        try {
            consumer.close(Duration.ofSeconds(1));
        } finally {
            lock.unlock();
        }
    }
}
