package dev.marquee.training.ranker;

/**
 * What {@link ServedDatasetBuilder} produced.
 *
 * @param table    final examples of scored impressions, in emission (time) order
 * @param joined   final examples emitted (scored or not)
 * @param pending  impressions whose longest window had not closed at the last event: left for the next run
 * @param late     impressions that arrived behind the watermark (beyond the allowed lateness) and were dropped
 */
public record ServedDataset(ExampleTable table, long joined, long pending, long late) {
}
