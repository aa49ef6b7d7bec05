package dev.marquee.events.kafka;

import dev.marquee.events.EventLogException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Makes sure the log's topic exists with the configured partition count before anything is written: creates it
 * when missing ({@code message.timestamp.type=LogAppendTime}, so record timestamps are the broker's append
 * time), and refuses a topic with a different partition count, since packed offsets and key placement depend
 * on it. An unreachable broker fails with a message that says what to start.
 */
final class KafkaTopicSetup {
    private KafkaTopicSetup() {
    }

    static void ensure(KafkaLogConfig c) {
        long timeoutMs = c.appendTimeout().toMillis();
        try (Admin admin = Admin.create(KafkaClientProperties.admin(c))) {
            int actual = partitions(admin, c.topic(), timeoutMs);
            if (actual < 0) {
                NewTopic topic = new NewTopic(c.topic(), c.partitions(), c.replicationFactor())
                        .configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"));
                try {
                    admin.createTopics(List.of(topic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
                // a new topic's metadata reaches the broker a moment after the create call returns
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
                actual = partitions(admin, c.topic(), timeoutMs);
                while (actual < 0 && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                    actual = partitions(admin, c.topic(), timeoutMs);
                }
            }
            if (actual != c.partitions()) {
                throw new EventLogException("topic " + c.topic() + " has " + actual + " partitions but the log is configured with "
                        + c.partitions() + "; use the topic's count or another topic");
            }
        } catch (TimeoutException e) {
            throw unreachable(c, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(c, e.getCause());
            }
            throw new EventLogException("cannot set up topic " + c.topic() + " on " + c.bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventLogException("interrupted while setting up topic " + c.topic(), e);
        }
    }

    /** The topic's partition count, or -1 when it does not exist. */
    private static int partitions(Admin admin, String topic, long timeoutMs)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeoutMs, TimeUnit.MILLISECONDS).get(topic);
            return d.partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return -1;
            }
            throw e;
        }
    }

    private static EventLogException unreachable(KafkaLogConfig c, Throwable cause) {
        return new EventLogException("cannot reach Kafka at " + c.bootstrapServers() + " within " + c.appendTimeout()
                + ": start a broker there (for a local one: `marquee dev-kafka --port 9092`) or fix the address", cause);
    }
}
