package dev.marquee.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Clock;
import dev.marquee.events.AppendResult;
import dev.marquee.events.Event;
import dev.marquee.events.InMemoryEventLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureUpdaterTest {
    private final EventFixtures ev = new EventFixtures();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static long last(AppendResult r) {
        return r.offsets()[r.offsets().length - 1];
    }

    @Test
    void appendedLongView_isReadableWithin100Milliseconds() throws Exception {
        long now = System.currentTimeMillis();
        InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        try (InMemoryEventLog log = new InMemoryEventLog();
             FeatureUpdater updater = new FeatureUpdater(store, log, registry, Clock.SYSTEM).start()) {
            AppendResult setup = log.append(List.of(ev.video("v1", "C", "music", now - 3_600_000L),
                    ev.user("U", "18-24", "FR", "ios", now), ev.click("U", "warm-up", now)));
            assertThat(updater.awaitApplied(last(setup), Duration.ofSeconds(10))).isTrue();
            int creator = store.creators().find("C");
            double before = store.user("U", now).creatorAffinity(creator);

            long start = System.nanoTime();
            AppendResult r = log.append(List.of(ev.view("U", "v1", now, 95)));
            boolean applied = updater.awaitApplied(r.offsets()[0], Duration.ofMillis(100));
            UserFeatures after = store.user("U", now);
            long micros = (System.nanoTime() - start) / 1000;

            assertThat(applied).as("applied within 100 ms").isTrue();
            int v1 = store.videos().find("v1");
            assertThat(after.offset()).isGreaterThanOrEqualTo(r.offsets()[0]);
            assertThat(after.creatorAffinity(creator)).isGreaterThan(before);
            assertThat(after.hasWatched(v1)).isTrue();
            assertThat(after.recent().contains(v1, InteractionType.LONG_VIEW)).isTrue();
            System.out.println("append → readable user features: " + micros + " µs");
            assertThat(registry.get(FeatureUpdater.FRESHNESS_TIMER).timer().count()).isEqualTo(4);
            assertThat(updater.freshness().count()).isEqualTo(4);
        }
    }

    @Test
    void malformedEvent_isSkippedAndCounted() throws Exception {
        long now = System.currentTimeMillis();
        InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        try (InMemoryEventLog log = new InMemoryEventLog();
             FeatureUpdater updater = new FeatureUpdater(store, log, registry, Clock.SYSTEM).start()) {
            AppendResult r = log.append(List.of(ev.click("U", "v", now), ev.view("U", "v", now, -5), ev.share("U", "v", now)));
            assertThat(updater.awaitApplied(last(r), Duration.ofSeconds(10))).isTrue();
            assertThat(store.user("U", now).counts()).isEqualTo(new InteractionCounts(0, 1, 0, 0, 1));
            assertThat(registry.get(FeatureUpdater.REJECTED_COUNTER).counter().count()).isEqualTo(1.0);
            assertThat(updater.failure()).isNull();
        }
    }

    @Test
    void restoreFromSnapshot_thenTailTheLog_equalsTheLiveStore(@TempDir Path dir) throws Exception {
        long now = System.currentTimeMillis();
        InMemoryFeatureStore live = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        try (InMemoryEventLog log = new InMemoryEventLog();
             FeatureUpdater updater = new FeatureUpdater(live, log, registry, Clock.SYSTEM).start()) {
            AppendResult first = log.append(batch(now, 0, 300));
            assertThat(updater.awaitApplied(last(first), Duration.ofSeconds(10))).isTrue();
            Path file = dir.resolve("features.snap");
            long snapOffset = FeatureSnapshot.write(live, file);
            AppendResult second = log.append(batch(now, 300, 300));
            assertThat(updater.awaitApplied(last(second), Duration.ofSeconds(10))).isTrue();

            InMemoryFeatureStore restored = FeatureSnapshot.read(file);
            assertThat(restored.appliedOffset()).isEqualTo(snapOffset);
            try (FeatureUpdater tail = new FeatureUpdater(restored, log, new SimpleMeterRegistry(), Clock.SYSTEM).start()) {
                assertThat(tail.awaitApplied(last(second), Duration.ofSeconds(10))).isTrue();
                assertThat(SnapshotBytes.of(restored)).isEqualTo(SnapshotBytes.of(live));
            }
        }
    }

    @Test
    void awaitApplied_timesOutWhenNothingArrives() throws Exception {
        InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        try (InMemoryEventLog log = new InMemoryEventLog();
             FeatureUpdater updater = new FeatureUpdater(store, log, registry, Clock.SYSTEM).start()) {
            assertThat(updater.awaitApplied(0, Duration.ofMillis(20))).isFalse();
        }
    }

    private List<Event> batch(long now, int from, int n) {
        List<Event> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            String u = "u" + i % 17;
            String v = "v" + i % 23;
            if (i % 23 == i % 46) {
                out.add(ev.video(v, "c" + i % 5, "k" + i % 3, now - 3_600_000L));
            }
            out.add(i % 3 == 0 ? ev.view(u, v, now + i * 1000L, 20 + i % 40) : ev.impression(u, v, now + i * 1000L));
        }
        return out;
    }
}
