package dev.marquee.training.ranker;

/**
 * What {@link PointInTimeDatasetBuilder} produced.
 *
 * @param table              the rows, in log order (impression-time order up to late events)
 * @param events             log records replayed
 * @param impressions        impression events seen
 * @param sampledImpressions impressions of sampled requests
 * @param skipped            sampled impressions of videos the store had never seen (no metadata event yet)
 * @param lastEventMillis    the watermark: the latest event time replayed
 * @param lateEvents         records stamped earlier than one before them in the log (applied in log order)
 */
public record BootstrapDataset(ExampleTable table, long events, long impressions, long sampledImpressions, long skipped,
                               long lastEventMillis, long lateEvents) {
}
