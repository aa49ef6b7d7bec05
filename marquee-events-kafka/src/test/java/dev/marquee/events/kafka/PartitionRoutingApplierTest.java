package dev.marquee.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.LogRecord;
import dev.marquee.events.TestEvents;
import dev.marquee.features.FeatureWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionRoutingApplierTest {
    /** A writer with the FeatureWriter offset contract that refuses one offset as malformed. */
    static final class OffsetWriter implements FeatureWriter {
        final List<Long> applied = new ArrayList<>();
        final long poison;
        long last = -1;

        OffsetWriter(long poison) {
            this.poison = poison;
        }

        @Override
        public int apply(List<LogRecord> batch) {
            int n = 0;
            for (LogRecord r : batch) {
                if (r.offset() <= last) {
                    continue;
                }
                if (r.offset() == poison) {
                    throw new IllegalArgumentException("malformed at " + r.offset());
                }
                applied.add(r.offset());
                last = r.offset();
                n++;
            }
            return n;
        }

        @Override
        public long appliedOffset() {
            return last;
        }
    }

    private static LogRecord record(int partition, long offset) {
        return new LogRecord(KafkaOffsets.encode(partition, offset), 0, TestEvents.click("e-" + partition + "-" + offset));
    }

    @Test
    void routesByPartition_keepsPackedOffsets_andSkipsOnlyTheMalformedRecord() {
        Map<Integer, OffsetWriter> writers = new HashMap<>();
        long poison = KafkaOffsets.encode(1, 2);
        PartitionRoutingApplier applier = new PartitionRoutingApplier(p -> writers.computeIfAbsent(p, q -> new OffsetWriter(poison)));
        List<LogRecord> rejected = new ArrayList<>();
        List<LogRecord> batch = List.of(record(0, 0), record(1, 0), record(1, 1), record(0, 1), record(1, 2), record(1, 3), record(0, 2));

        int changed = applier.apply(batch, (r, e) -> rejected.add(r));

        assertThat(changed).isEqualTo(6);
        assertThat(rejected).extracting(LogRecord::offset).containsExactly(poison);
        assertThat(writers.get(0).applied).containsExactly(KafkaOffsets.encode(0, 0), KafkaOffsets.encode(0, 1), KafkaOffsets.encode(0, 2));
        assertThat(writers.get(1).applied).containsExactly(KafkaOffsets.encode(1, 0), KafkaOffsets.encode(1, 1), KafkaOffsets.encode(1, 3));
        assertThat(applier.partitions()).containsExactlyInAnyOrder(0, 1);

        // redelivery of the whole batch (a rebalance before the commit) changes nothing
        assertThat(applier.apply(batch, (r, e) -> rejected.add(r))).isZero();
    }
}
