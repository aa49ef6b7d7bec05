package dev.marquee.events.kafka;

import dev.marquee.events.LogRecord;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Where a {@link KafkaFeatureUpdaterLoop} puts the records it polled: applies them in order, hands each record that
 * cannot be applied to {@code rejected} and carries on, so one poison event cannot stall a partition. Returns only
 * once the applied records are readable; the loop commits the polled offsets after that.
 */
@FunctionalInterface
public interface RecordApplier {
    int apply(List<LogRecord> batch, BiConsumer<LogRecord, IllegalArgumentException> rejected);
}
