package dev.marquee.training.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.testkit.FakeClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryWatcherTest {
    @TempDir
    Path tmp;
    ModelRegistry registry;
    final List<String> installed = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();

    final PromotionListener recording = new PromotionListener() {
        @Override
        public void onPromoted(LoadedVersion version) {
            installed.add(version.manifest().version());
        }

        @Override
        public void onLoadFailed(String kind, String version, Throwable cause) {
            failures.add(cause);
        }
    };

    @BeforeEach
    void registerThree() throws IOException {
        registry = new ModelRegistry(tmp.resolve("registry"), new FakeClock(0));
        for (int i = 1; i <= 3; i++) {
            registry.register("ranker", RegistryFixtures.trainerOutput(tmp, i), RegistryFixtures.draft(Map.of("auc", 0.7)));
        }
    }

    RegistryWatcher watcher(PromotionListener listener) {
        return new RegistryWatcher(registry, "ranker", unused, Duration.ofSeconds(1), listener);
    }

    @Test
    void poll_installsEachNewPromotionOnce() throws IOException {
        var watcher = watcher(recording);
        watcher.pollOnce();
        assertThat(installed).isEmpty();

        registry.promote("ranker", "v000001");
        watcher.pollOnce();
        watcher.pollOnce();
        registry.promote("ranker", "v000002");
        watcher.pollOnce();
        registry.rollback("ranker");
        watcher.pollOnce();

        assertThat(installed).containsExactly("v000001", "v000002", "v000001");
        assertThat(watcher.servingVersion()).contains("v000001");
        assertThat(watcher.failedLoads()).isZero();
    }

    @Test
    void poll_refusesCorruptPromotionOnceAndKeepsPrevious() throws IOException {
        var watcher = watcher(recording);
        registry.promote("ranker", "v000001");
        watcher.pollOnce();
        registry.promote("ranker", "v000002");
        Files.write(tmp.resolve("registry/ranker/v000002/model.params"), new byte[10]);

        watcher.pollOnce();
        watcher.pollOnce();

        assertThat(installed).containsExactly("v000001");
        assertThat(watcher.servingVersion()).contains("v000001");
        assertThat(watcher.failedLoads()).isEqualTo(1);
        assertThat(failures).singleElement().isInstanceOf(CorruptArtifactException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("ranker/v000002", "'model.params' is truncated"));

        registry.promote("ranker", "v000003");
        watcher.pollOnce();
        assertThat(installed).containsExactly("v000001", "v000003");
    }

    @Test
    void poll_survivesThrowingListenerAndUnreadablePointer() throws IOException {
        var watcher = watcher(version -> {
            throw new IllegalStateException("model file has wrong dimension");
        });
        registry.promote("ranker", "v000001");

        watcher.pollOnce();
        Files.writeString(tmp.resolve("registry/ranker/current.json"), "garbage");
        watcher.pollOnce();

        assertThat(watcher.servingVersion()).isEmpty();
        assertThat(watcher.failedLoads()).isEqualTo(1);
    }

    @Test
    void start_pollsOnTheInjectedScheduler() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        var first = new CountDownLatch(1);
        var second = new CountDownLatch(2);
        var seen = new CopyOnWriteArrayList<String>();
        registry.promote("ranker", "v000001");
        try (var watcher = new RegistryWatcher(registry, "ranker", scheduler, Duration.ofMillis(5), version -> {
            seen.add(version.manifest().version());
            first.countDown();
            second.countDown();
        })) {
            watcher.start();
            assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
            registry.promote("ranker", "v000003");
            assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(seen).containsExactly("v000001", "v000003");
    }

    @AfterEach
    void stopScheduler() {
        unused.shutdownNow();
    }
}
