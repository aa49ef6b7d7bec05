package dev.marquee.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackendSpecTest {
    @Test
    void defaults_areTheEmbeddedBackends() {
        assertThat(BackendSpec.eventLog(null)).isEqualTo(new BackendSpec.FileLog());
        assertThat(BackendSpec.eventLog("file")).isEqualTo(new BackendSpec.FileLog());
        assertThat(BackendSpec.featureStore("")).isEqualTo(new BackendSpec.MemoryStore());
        assertThat(BackendSpec.featureStore("memory")).isEqualTo(new BackendSpec.MemoryStore());
    }

    @Test
    void kafkaUri_parsesServersTopicAndPartitions() {
        assertThat(BackendSpec.eventLog("kafka://k1:9092,k2:9093?topic=ev&partitions=12"))
                .isEqualTo(new BackendSpec.KafkaLog("k1:9092,k2:9093", "ev", 12));
        assertThat(BackendSpec.eventLog("kafka://localhost:9092"))
                .isEqualTo(new BackendSpec.KafkaLog("localhost:9092", "marquee-events", 1));
    }

    @Test
    void redisUri_parsesHostPortPrefix() {
        assertThat(BackendSpec.featureStore("redis://10.0.0.5:6380?prefix=prod"))
                .isEqualTo(new BackendSpec.RedisStore("10.0.0.5", 6380, "prod"));
        assertThat(BackendSpec.featureStore("redis://localhost:6379"))
                .isEqualTo(new BackendSpec.RedisStore("localhost", 6379, "marquee"));
    }

    @Test
    void badUris_failWithTheFlagAndTheReason() {
        assertThatThrownBy(() -> BackendSpec.eventLog("redis://x:1")).hasMessageContaining("--event-log").hasMessageContaining("kafka://");
        assertThatThrownBy(() -> BackendSpec.eventLog("kafka://nohost")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> BackendSpec.eventLog("kafka://h:1?partitions=0")).hasMessageContaining("partitions");
        assertThatThrownBy(() -> BackendSpec.eventLog("kafka://h:1?colour=red")).hasMessageContaining("unknown or empty parameter 'colour'");
        assertThatThrownBy(() -> BackendSpec.eventLog("kafka://h:1/path")).hasMessageContaining("no path");
        assertThatThrownBy(() -> BackendSpec.featureStore("redis://h")).hasMessageContaining("redis://host:port");
        assertThatThrownBy(() -> BackendSpec.featureStore("redis://h:1?prefix=a b")).hasMessageContaining("not a URI");
        assertThatThrownBy(() -> BackendSpec.featureStore("redis://h:1?prefix=a/b")).hasMessageContaining("bad key prefix");
        assertThatThrownBy(() -> BackendSpec.featureStore("mem")).hasMessageContaining("redis://");
    }
}
