package dev.marquee.events.kafka;

import dev.marquee.events.AppendResult;
import dev.marquee.events.Event;
import dev.marquee.events.EventLog;
import dev.marquee.events.EventLogException;
import dev.marquee.events.LogRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * {@link EventLog} over one Kafka topic. Offsets are {@link KafkaOffsets packed} (partition, offset); with one
 * partition (the default) they are Kafka's own offsets, dense from 0, and every clause of the contract holds.
 *
 * <p>Append: events are encoded with the log's binary codec, keyed by user id (video id for video upserts) and
 * sent by one idempotent producer with {@code acks=all}; {@link #append} returns only when every record is
 * acknowledged by all in-sync replicas. Sends are serialised by a lock (acknowledgements are awaited outside
 * it, so appends from several threads pipeline), which keeps one append's records contiguous in a partition.
 * A record not acknowledged within {@link KafkaLogConfig#appendTimeout()} makes the append throw
 * {@link EventLogException} and nothing is acknowledged to the caller, but Kafka has no multi-record atomicity
 * here: part of a failed batch may still be stored (or stored later by the producer's retries). A client retry
 * then writes those events again at new offsets; consumers are idempotent by event id, so that is harmless.
 * Dedupe is per node ({@link EventIdDeduper}: last {@code dedupeCapacity} ids, rebuilt from the topic's tail
 * at open); duplicates across nodes are left to the consumers' event-id idempotence.
 *
 * <p>{@link LogRecord#appendedAtMicros()} is the Kafka record timestamp in µs (millisecond resolution): the
 * broker's LogAppendTime on topics this class creates; CreateTime (the producer's send time) on a pre-existing
 * topic configured so.
 *
 * <p>Several partitions: {@link #read} walks the packed order (the rest of the start offset's partition, then
 * every later partition from 0), so a read loop {@code next = last.offset() + 1} visits every record once;
 * {@link #endOffset()} is the packed end of the last partition, the bound of such a loop (not a record count).
 * {@link #subscribe} tails the start offset's partition from its offset and every later partition from 0,
 * interleaved (ordered within each partition only); earlier partitions sort below the start and are not read.
 * A feature updater over several partitions should use {@link KafkaFeatureUpdaterLoop} (consumer groups).
 */
public final class KafkaEventLog implements EventLog {
    private final KafkaLogConfig config;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaLogReader reader;
    private final EventIdDeduper ids;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final List<KafkaLogSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private KafkaEventLog(KafkaLogConfig config) {
        this.config = config;
        KafkaTopicSetup.ensure(config);
        this.reader = new KafkaLogReader(config);
        this.ids = new EventIdDeduper(config.dedupeCapacity());
        reader.scanTail(Math.ceilDiv(config.dedupeCapacity(), config.partitions()),
                r -> ids.remember(KafkaRecordCodec.idHash(r.value())));
        this.producer = new KafkaProducer<>(KafkaClientProperties.producer(config));
    }

    /**
     * Connects, creating the topic when missing, and rebuilds this node's dedupe memory from the topic's tail.
     * Throws {@link EventLogException} when the broker cannot be reached within the append timeout or the topic
     * has another partition count.
     */
    public static KafkaEventLog open(KafkaLogConfig config) {
        return new KafkaEventLog(config);
    }

    public KafkaLogConfig config() {
        return config;
    }

    /**
     * Appends the events not seen recently by this node and returns once Kafka acknowledged every one. Throws
     * IllegalArgumentException for an event that cannot be encoded (nothing is sent) and
     * {@link EventLogException} on a send failure or timeout (see the class comment on partial batches).
     */
    @Override
    public AppendResult append(List<? extends Event> batch) {
        int n = batch.size();
        if (closed) {
            throw new EventLogException("log is closed");
        }
        byte[][] values = new byte[n][];
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = KafkaRecordCodec.value(batch.get(i), i);
            hashes[i] = KafkaRecordCodec.idHash(values[i]);
        }
        boolean[] duplicate = new boolean[n];
        @SuppressWarnings("unchecked")
        Future<RecordMetadata>[] acks = new Future[n];
        long deadline = System.nanoTime() + config.appendTimeout().toNanos();
        int accepted;
        sendLock.lock();
        try {
            accepted = ids.reserve(hashes, n, duplicate);
            for (int i = 0; i < n; i++) {
                if (!duplicate[i]) {
                    acks[i] = producer.send(new ProducerRecord<>(config.topic(), KafkaRecordCodec.key(batch.get(i)), values[i]));
                }
            }
        } catch (KafkaException | IllegalStateException e) {
            ids.release(hashes, n, duplicate, false);
            throw new EventLogException("cannot send to " + config.topic() + ": " + e.getMessage(), e);
        } finally {
            sendLock.unlock();
        }
        long[] offsets = awaitAcks(acks, duplicate, deadline, hashes);
        ids.release(hashes, n, duplicate, true);
        return new AppendResult(offsets, accepted, n - accepted);
    }

    private long[] awaitAcks(Future<RecordMetadata>[] acks, boolean[] duplicate, long deadline, long[] hashes) {
        int n = acks.length;
        long[] offsets = new long[n];
        try {
            for (int i = 0; i < n; i++) {
                if (duplicate[i]) {
                    offsets[i] = -1;
                } else {
                    RecordMetadata m = acks[i].get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    offsets[i] = KafkaOffsets.encode(m.partition(), m.offset());
                }
            }
            return offsets;
        } catch (ExecutionException e) {
            ids.release(hashes, n, duplicate, false);
            throw new EventLogException("append to " + config.topic() + " failed, nothing acknowledged (Kafka may hold part of "
                    + "the batch): " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            ids.release(hashes, n, duplicate, false);
            throw new EventLogException("append to " + config.topic() + " not acknowledged within " + config.appendTimeout()
                    + ", nothing acknowledged (Kafka may still store part of the batch)", e);
        } catch (InterruptedException e) {
            ids.release(hashes, n, duplicate, false);
            Thread.currentThread().interrupt();
            throw new EventLogException("interrupted while awaiting acknowledgements from " + config.topic(), e);
        }
    }

    /** See the class comment for the order over several partitions. */
    @Override
    public List<LogRecord> read(long fromOffset, int max) {
        if (fromOffset < 0) {
            throw new IllegalArgumentException("fromOffset must be >= 0, got " + fromOffset);
        }
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, got " + max);
        }
        if (max == 0 || KafkaOffsets.partition(fromOffset) >= config.partitions()) {
            return List.of();
        }
        return reader.read(fromOffset, max);
    }

    /** With one partition the next offset to be written; with several, the packed end of the last partition. */
    @Override
    public long endOffset() {
        long[] ends = reader.endOffsets();
        return KafkaOffsets.encode(ends.length - 1, ends[ends.length - 1]);
    }

    /** End offset of every partition, by partition number (e.g. to compute consumer lag or a record count). */
    public long[] partitionEndOffsets() {
        return reader.endOffsets();
    }

    /** See the class comment for the semantics over several partitions. */
    @Override
    public AutoCloseable subscribe(long fromOffset, Consumer<List<LogRecord>> consumer) {
        if (closed) {
            throw new EventLogException("log is closed");
        }
        if (fromOffset < 0 || KafkaOffsets.partition(fromOffset) >= config.partitions()) {
            throw new IllegalArgumentException("fromOffset " + fromOffset + " is not a position in " + config.partitions()
                    + " partition(s)");
        }
        KafkaLogSubscription s = new KafkaLogSubscription(this, config, fromOffset, consumer);
        subscriptions.add(s);
        s.start();
        return s;
    }

    void removed(KafkaLogSubscription s) {
        subscriptions.remove(s);
    }

    /** Stops the subscriptions (joining their threads), flushes and closes the producer and the reader. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (KafkaLogSubscription s : subscriptions) {
            s.close();
        }
        producer.close(Duration.ofMillis(Math.min(config.appendTimeout().toMillis(), 5_000)));
        reader.close();
    }
}
