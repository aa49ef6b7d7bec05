package dev.marquee.events.kafka;

import dev.marquee.events.LogRecord;
import dev.marquee.features.FeatureWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * Gives every Kafka partition its own {@link FeatureWriter} (for a shared store: one writer stream per partition,
 * e.g. a Redis writer id {@code events-3}), so each writer sees its partition's packed offsets in increasing order
 * and its offset guard stays exact however partitions move between updater processes. Records keep their packed
 * offsets ({@link KafkaOffsets}). A malformed record is reported and skipped: the writer's applied offset then
 * names the last good record of that partition, so the bad one is the next record after it.
 */
public final class PartitionRoutingApplier implements RecordApplier, AutoCloseable {
    private final IntFunction<FeatureWriter> writerForPartition;
    private final Map<Integer, FeatureWriter> writers = new HashMap<>();

    /** @param writerForPartition opens the writer of a partition the first time one of its records arrives */
    public PartitionRoutingApplier(IntFunction<FeatureWriter> writerForPartition) {
        this.writerForPartition = writerForPartition;
    }

    @Override
    public synchronized int apply(List<LogRecord> batch, BiConsumer<LogRecord, IllegalArgumentException> rejected) {
        Map<Integer, List<LogRecord>> byPartition = new HashMap<>();
        for (LogRecord r : batch) {
            byPartition.computeIfAbsent(KafkaOffsets.partition(r.offset()), p -> new ArrayList<>()).add(r);
        }
        int changed = 0;
        for (var e : byPartition.entrySet()) {
            FeatureWriter w = writers.computeIfAbsent(e.getKey(), writerForPartition::apply);
            changed += applySkipping(w, e.getValue(), rejected);
        }
        return changed;
    }

    private static int applySkipping(FeatureWriter w, List<LogRecord> records, BiConsumer<LogRecord, IllegalArgumentException> rejected) {
        int changed = 0;
        int from = 0;
        while (from < records.size()) {
            long before = w.appliedOffset();
            try {
                changed += w.apply(records.subList(from, records.size()));
                return changed;
            } catch (IllegalArgumentException e) {
                long good = w.appliedOffset();
                int bad = from;
                while (bad < records.size() && records.get(bad).offset() <= good) {
                    if (records.get(bad).offset() > before) {
                        changed++; // applied before the writer stopped at the bad record
                    }
                    bad++;
                }
                if (bad == records.size()) {
                    return changed;
                }
                rejected.accept(records.get(bad), e);
                from = bad + 1;
            }
        }
        return changed;
    }

    /** Partitions that have a writer open. */
    public synchronized java.util.Set<Integer> partitions() {
        return java.util.Set.copyOf(writers.keySet());
    }

    @Override
    public synchronized void close() throws Exception {
        for (FeatureWriter w : writers.values()) {
            if (w instanceof AutoCloseable c) {
                c.close();
            }
        }
        writers.clear();
    }
}
