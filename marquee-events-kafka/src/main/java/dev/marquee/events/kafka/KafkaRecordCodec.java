package dev.marquee.events.kafka;

import dev.marquee.events.Event;
import dev.marquee.events.EventBinaryCodec;
import dev.marquee.events.Interaction;
import dev.marquee.events.LogRecord;
import dev.marquee.events.UserDeleted;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.VideoUpserted;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Maps events to Kafka records and back. Key: the id whose events must stay ordered, the user id for
 * interactions and user upserts/deletions, the video id for video upserts (Kafka's default partitioner hashes
 * it, murmur2, to a partition). Value: the {@link EventBinaryCodec} bytes, the same form the file log stores.
 */
final class KafkaRecordCodec {
    private KafkaRecordCodec() {
    }

    /** The encoded event; throws IllegalArgumentException naming the event's position for a null field. */
    static byte[] value(Event e, int index) {
        if (e == null) {
            throw new IllegalArgumentException("event " + index + " of the batch is null");
        }
        ByteBuffer buf = ByteBuffer.allocate(EventBinaryCodec.maxEncodedSize(e));
        try {
            EventBinaryCodec.write(e, buf);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("event " + index + " (" + e.type() + "): " + ex.getMessage(), ex);
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    /** The partitioning key of {@code e} (its value was encoded first, so required ids are present). */
    static byte[] key(Event e) {
        String id = switch (e) {
            case Interaction i -> i.userId();
            case VideoUpserted v -> v.video().videoId();
            case UserUpserted u -> u.user().userId();
            case UserDeleted d -> d.userId();
        };
        return id.getBytes(StandardCharsets.UTF_8);
    }

    /** The eventId hash of an encoded value (the dedupe key). */
    static long idHash(byte[] value) {
        return EventBinaryCodec.eventIdHashAt(ByteBuffer.wrap(value), 0);
    }

    /** The log record of a consumed Kafka record: packed offset, record timestamp in µs, decoded event. */
    static LogRecord decode(ConsumerRecord<byte[], byte[]> r) {
        long offset = KafkaOffsets.encode(r.partition(), r.offset());
        try {
            return new LogRecord(offset, r.timestamp() * 1000L, EventBinaryCodec.read(ByteBuffer.wrap(r.value())));
        } catch (RuntimeException e) {
            throw new IllegalStateException("undecodable record at " + r.topic() + "-" + r.partition() + "@" + r.offset()
                    + ": " + e.getMessage(), e);
        }
    }
}
