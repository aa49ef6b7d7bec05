package dev.marquee.training.ranker;

/**
 * What {@link PointInTimeDatasetBuilder} produced.
 *
 * @param table              the rows, in impression-time order
 * @param events             log records replayed
 * @param impressions        impression events seen
 * @param sampledImpressions impressions of sampled requests
 * @param skipped            sampled impressions of videos the store had never seen (no metadata event yet)
 * @param lastEventMillis    event time of the last record replayed
 */
public record BootstrapDataset(ExampleTable table, long events, long impressions, long sampledImpressions, long skipped,
                               long lastEventMillis) {
}
