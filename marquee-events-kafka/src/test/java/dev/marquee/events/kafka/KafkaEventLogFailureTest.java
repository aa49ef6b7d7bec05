package dev.marquee.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.events.EventLogException;
import dev.marquee.events.TestEvents;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stopped broker makes append and open fail within their timeout instead of hanging. */
class KafkaEventLogFailureTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void append_brokerStopped_throwsWithinTimeout_andOpenSaysWhatToStart() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        String address = broker.bootstrapServers();
        KafkaLogConfig config = KafkaLogConfig.of(address, "failing").withAppendTimeout(Duration.ofSeconds(3));
        try (KafkaEventLog log = KafkaEventLog.open(config)) {
            assertThat(log.append(TestEvents.batch("ok", 10)).accepted()).isEqualTo(10);
            broker.close();
            long start = System.nanoTime();
            assertThatThrownBy(() -> log.append(TestEvents.batch("lost", 10)))
                    .isInstanceOf(EventLogException.class)
                    .hasMessageContaining("failing");
            System.out.printf("append against a stopped broker threw after %d ms (append timeout 3 s)%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertThat(log.append(TestEvents.batch("ok", 3)).duplicates()).as("acknowledged ids are still remembered").isEqualTo(3);
        }
        assertThatThrownBy(() -> KafkaEventLog.open(config.withAppendTimeout(Duration.ofSeconds(2))))
                .isInstanceOf(EventLogException.class)
                .hasMessageContaining("cannot reach Kafka at " + address)
                .hasMessageContaining("marquee dev-kafka");
    }
}
