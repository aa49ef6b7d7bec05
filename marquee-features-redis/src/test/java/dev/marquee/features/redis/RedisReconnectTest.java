package dev.marquee.features.redis;

import static dev.marquee.features.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.marquee.features.EventFixtures;
import dev.marquee.features.VideoFeatureBatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A store outlives a Redis restart: reads fail fast and clearly while it is down and work again after. */
class RedisReconnectTest {
    @Test
    void redisDown_readsFailClearly_thenRecoverOnTheSameStoreObject() {
        try (RedisServerProcess server = RedisServerProcess.startOnFreePort();
             RedisFeatureStore store = new RedisFeatureStore(RedisStoreConfig.defaults("127.0.0.1", server.port())
                     .withKeyPrefix("reconnect:"))) {
            EventFixtures ev = new EventFixtures();
            store.apply(ev.records(ev.video("v1", "c1", "music", T0), ev.view("u1", "v1", T0, 60)));
            assertThat(store.user("u1", T0).counts().longViews()).isEqualTo(1);
            int v1 = store.videos().find("v1");

            server.stop();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                assertThatThrownBy(() -> store.user("u1", T0)).isInstanceOf(RedisUnavailableException.class)
                        .hasMessageContaining("127.0.0.1:" + server.port()).hasMessageContaining("redis-server");
                assertThatThrownBy(() -> store.videoFeatures(new int[] {v1}, 1, T0, new VideoFeatureBatch(1)))
                        .isInstanceOf(RedisUnavailableException.class);
            });

            server.start();
            // The restarted server has no persistence: the data is gone, but the same store object serves again.
            assertThat(store.user("u1", T0).known()).isFalse();
            VideoFeatureBatch batch = new VideoFeatureBatch(1);
            store.videoFeatures(new int[] {v1}, 1, T0, batch);
            assertThat(batch.size()).isEqualTo(1);
            assertThat(batch.longViewsTotal(0)).isZero();
            assertThat(store.trending(10, T0).size()).isZero();
        }
    }

    @Test
    void unreachableRedis_failsAtStartWithTheAddress() {
        assertThatThrownBy(() -> new RedisFeatureStore(RedisStoreConfig.defaults("127.0.0.1", 1).withKeyPrefix("none:")))
                .isInstanceOf(RedisUnavailableException.class).hasMessageContaining("127.0.0.1:1");
    }
}
