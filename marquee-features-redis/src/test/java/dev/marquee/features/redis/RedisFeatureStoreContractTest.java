package dev.marquee.features.redis;

import dev.marquee.features.FeatureStore;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.FeatureStoreContractTest;
import dev.marquee.features.FeatureWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Runs the feature-store contract against {@link RedisFeatureStore} on a real redis-server (one key prefix per test). */
class RedisFeatureStoreContractTest extends FeatureStoreContractTest {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static RedisServerProcess server;
    private final List<RedisFeatureStore> opened = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.startOnFreePort();
    }

    @AfterAll
    static void stopRedis() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeStores() {
        opened.forEach(RedisFeatureStore::close);
    }

    @Override
    protected FeatureStore createStore(FeatureStoreConfig config) {
        RedisFeatureStore s = new RedisFeatureStore(RedisStoreConfig.defaults("127.0.0.1", server.port())
                .withKeyPrefix("contract" + PREFIXES.incrementAndGet() + ":").withFeatures(config));
        opened.add(s);
        return s;
    }

    @Override
    protected FeatureWriter writerOf(FeatureStore store) {
        return (RedisFeatureStore) store;
    }
}
