package dev.marquee.features.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Without redis-server the Redis tests fail under CI and are skipped (aborted) on a developer machine. */
class RedisServerProcessTest {
    @Test
    void missingRedisServer_failsUnderCi() {
        assertThatThrownBy(() -> RedisServerProcess.requireInstalled(Map.of("CI", "true", "PATH", "/nonexistent")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CI=true")
                .hasMessageContaining("apt-get install -y redis-server");
    }

    @Test
    void missingRedisServer_abortsOutsideCi() {
        assertThatThrownBy(() -> RedisServerProcess.requireInstalled(Map.of("PATH", "/nonexistent")))
                .isInstanceOf(TestAbortedException.class);
    }
}
