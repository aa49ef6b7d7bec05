package dev.marquee.server.load;

import java.util.Map;

/**
 * One endpoint's figures over the measured window. Latencies are milliseconds from the intended send time.
 *
 * @param requests   requests that finished (any outcome)
 * @param errors     non-2xx answers, timeouts and I/O failures
 * @param byStatus   counts per HTTP status or pseudo-status ({@code timeout}, {@code io-error})
 * @param throughput finished requests per second of window
 * @param items      items carried: feed items received, or events accepted by the server
 */
public record EndpointReport(String endpoint, long requests, long errors, Map<String, Long> byStatus,
                             double throughput, long items, double p50Ms, double p90Ms, double p99Ms, double p999Ms,
                             double maxMs, double meanMs) {
}
