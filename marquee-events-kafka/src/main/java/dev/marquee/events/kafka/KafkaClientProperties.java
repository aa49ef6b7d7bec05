package dev.marquee.events.kafka;

import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The Kafka client settings derived from one {@link KafkaLogConfig}, in one place. */
final class KafkaClientProperties {
    private KafkaClientProperties() {
    }

    /**
     * Idempotent producer, {@code acks=all}, at most 5 requests in flight (ordering kept by the idempotent
     * sequence numbers); a record not acknowledged within {@code appendTimeout} fails its future.
     */
    static Properties producer(KafkaLogConfig c) {
        Properties p = common(c, "-producer");
        long timeout = c.appendTimeout().toMillis();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.max(1, (timeout - 1) / 2)));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /** A consumer without a group (assign + seek), for reads and subscriptions. */
    static Properties reader(KafkaLogConfig c, String suffix) {
        Properties p = common(c, suffix);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(c.maxPollRecords()));
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(c.appendTimeout().toMillis()));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    /** A consumer-group member with manual commits; a new group starts at the earliest records. */
    static Properties groupMember(KafkaLogConfig c, String groupId, String suffix) {
        Properties p = reader(c, suffix);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        return p;
    }

    static Properties admin(KafkaLogConfig c) {
        Properties p = common(c, "-admin");
        long timeout = c.appendTimeout().toMillis();
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.max(1, timeout / 2)));
        return p;
    }

    private static Properties common(KafkaLogConfig c, String suffix) {
        Properties p = new Properties();
        p.put("bootstrap.servers", c.bootstrapServers());
        p.put("client.id", c.clientId() + suffix);
        return p;
    }
}
