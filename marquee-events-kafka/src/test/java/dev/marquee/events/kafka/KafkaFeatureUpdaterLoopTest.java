package dev.marquee.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.TestEvents;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.features.UserFeatures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Consumer-group members over a 4-partition topic feeding one real in-memory feature store. */
class KafkaFeatureUpdaterLoopTest {
    private static final int EVENTS = 2000;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void twoMembers_sharePartitions_applyEveryEventOnce_andReplayChangesNothing() {
        KafkaLogConfig config = KafkaLogConfig.of(broker.bootstrapServers(), "group-events").withPartitions(4);
        InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        CountingFeatureWriter counting = new CountingFeatureWriter(store);
        ResequencingFeatureWriter writer = new ResequencingFeatureWriter(counting);
        try (KafkaEventLog log = KafkaEventLog.open(config);
             KafkaFeatureUpdaterLoop a = new KafkaFeatureUpdaterLoop(config.withClientId("a"), "updaters", writer).start();
             KafkaFeatureUpdaterLoop b = new KafkaFeatureUpdaterLoop(config.withClientId("b"), "updaters", writer).start()) {
            awaitUntil(() -> a.assignedPartitions().size() + b.assignedPartitions().size() == 4
                    && !a.assignedPartitions().isEmpty() && !b.assignedPartitions().isEmpty());
            for (int i = 0; i < EVENTS / 500; i++) {
                log.append(TestEvents.batch("e" + i + "-", 500));
            }
            awaitUntil(() -> a.handled() + b.handled() >= EVENTS);

            Set<Integer> union = new HashSet<>(a.assignedPartitions());
            union.addAll(b.assignedPartitions());
            assertThat(union).containsExactlyInAnyOrder(0, 1, 2, 3);
            assertThat(a.assignedPartitions()).doesNotContainAnyElementsOf(b.assignedPartitions());
            assertThat(a.handled()).isPositive();
            assertThat(b.handled()).isPositive();
            assertThat(a.handled() + b.handled()).isEqualTo(EVENTS);
            assertThat(counting.changed()).as("every distinct event changed state once").isEqualTo(EVENTS);
            assertThat(a.rejected() + b.rejected()).isZero();

            List<UserFeatures> before = users(store);
            a.close();
            awaitUntil(() -> b.assignedPartitions().size() == 4);
            try (KafkaFeatureUpdaterLoop replay = new KafkaFeatureUpdaterLoop(config.withClientId("r"), "replayers", writer).start()) {
                awaitUntil(() -> replay.handled() >= EVENTS);
                assertThat(replay.handled()).isEqualTo(EVENTS);
            }
            assertThat(counting.changed()).as("replayed events change nothing").isEqualTo(EVENTS);
            assertThat(users(store)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("offset").isEqualTo(before);
        }
    }

    private static List<UserFeatures> users(InMemoryFeatureStore store) {
        List<UserFeatures> out = new ArrayList<>();
        for (int u = 0; u < 97; u++) {
            out.add(store.user("u-" + u, TestEvents.T0 + 3_600_000L));
        }
        assertThat(out).allMatch(UserFeatures::known);
        return out;
    }

    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            LockSupport.parkNanos(5_000_000);
        }
    }
}
