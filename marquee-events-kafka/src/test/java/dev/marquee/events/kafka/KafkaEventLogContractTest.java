package dev.marquee.events.kafka;

import dev.marquee.events.DurableEventLogContractTest;
import dev.marquee.events.EventLog;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared (durable) EventLog contract against a real in-process broker: one topic per test, one partition. */
class KafkaEventLogContractTest extends DurableEventLogContractTest {
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /** The test's temporary directory names its topic, so reopening the same dir reopens the same topic. */
    @Override
    protected EventLog newLog(Path dir) {
        String topic = "contract-" + dir.getFileName().toString().replaceAll("[^a-zA-Z0-9._-]", "_");
        return KafkaEventLog.open(KafkaLogConfig.of(broker.bootstrapServers(), topic));
    }
}
