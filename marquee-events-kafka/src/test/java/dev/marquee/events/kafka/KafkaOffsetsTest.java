package dev.marquee.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class KafkaOffsetsTest {

    @Property
    void encode_roundTripsAndOrdersPartitionMajor(@ForAll @IntRange(min = 0, max = KafkaOffsets.MAX_PARTITION) int p,
                                                  @ForAll @LongRange(min = 0, max = KafkaOffsets.MAX_PARTITION_OFFSET) long o) {
        long packed = KafkaOffsets.encode(p, o);
        assertThat(packed).isNotNegative();
        assertThat(KafkaOffsets.partition(packed)).isEqualTo(p);
        assertThat(KafkaOffsets.partitionOffset(packed)).isEqualTo(o);
        if (p < KafkaOffsets.MAX_PARTITION) {
            assertThat(KafkaOffsets.encode(p + 1, 0)).isGreaterThan(packed);
        }
    }

    @Test
    void encode_partitionZero_isThePartitionOffset() {
        assertThat(KafkaOffsets.encode(0, 0)).isZero();
        assertThat(KafkaOffsets.encode(0, 41)).isEqualTo(41);
        assertThat(KafkaOffsets.encode(3, 7)).isEqualTo((3L << 40) | 7);
    }

    @Test
    void encode_outOfRange_throwsNamingTheValue() {
        assertThatThrownBy(() -> KafkaOffsets.encode(-1, 0)).hasMessageContaining("-1");
        assertThatThrownBy(() -> KafkaOffsets.encode(0, 1L << 40)).hasMessageContaining("2^40");
        assertThatThrownBy(() -> KafkaOffsets.partition(-5)).hasMessageContaining("-5");
    }
}
