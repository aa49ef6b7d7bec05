package dev.marquee.server.load;

/**
 * The server's own timing of one series (a pipeline stage or the feed handler) over the measured window, from
 * its {@code /metrics} histograms; quantiles are bucket-interpolated, so coarser than the client's.
 */
public record StageTiming(String series, long count, double meanMs, double p50Ms, double p99Ms) {
}
