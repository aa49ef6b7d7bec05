package dev.marquee.server.load;

import java.util.List;
import java.util.Locale;

/**
 * What a run measured.
 *
 * @param offeredRate   arrivals per second asked for
 * @param scheduled     arrivals in the measured window (= rate × duration, rounded)
 * @param windowSeconds measured window, from first intended send to last reply
 * @param maxSendLagMs  worst delay between an intended send time and the actual send: a large value means the
 *                      generator itself could not keep the schedule (its latencies still count from intent)
 * @param endpoints     per-endpoint figures ({@code feed}, {@code events})
 * @param serverStages  the server's per-stage timings scraped from {@code /metrics} over the same window
 */
public record LoadReport(double offeredRate, long scheduled, double windowSeconds, double maxSendLagMs,
                         List<EndpointReport> endpoints, List<StageTiming> serverStages) {

    /** Requests that finished, over every endpoint; equals {@link #scheduled()} once the run drained. */
    public long finished() {
        return endpoints.stream().mapToLong(EndpointReport::requests).sum();
    }

    public EndpointReport endpoint(String name) {
        return endpoints.stream().filter(e -> e.endpoint().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no endpoint " + name + " in this report"));
    }

    /** A human-readable table. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "offered %.1f/s, %d arrivals in %.1f s, max send lag %.2f ms%n",
                offeredRate, scheduled, windowSeconds, maxSendLagMs));
        sb.append(String.format(Locale.ROOT, "%-8s %8s %9s %8s %8s %8s %8s %8s %9s  %s%n", "endpoint", "requests",
                "req/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "items", "statuses"));
        for (EndpointReport e : endpoints) {
            sb.append(String.format(Locale.ROOT, "%-8s %8d %9.1f %8.2f %8.2f %8.2f %8.2f %8.2f %9d  %s%n", e.endpoint(),
                    e.requests(), e.throughput(), e.p50Ms(), e.p90Ms(), e.p99Ms(), e.p999Ms(), e.maxMs(), e.items(),
                    e.byStatus()));
        }
        if (!serverStages.isEmpty()) {
            sb.append("server timings over the window (from /metrics; bucket-interpolated):\n");
            for (StageTiming s : serverStages) {
                sb.append(String.format(Locale.ROOT, "  %-60s n=%-7d mean %7.2f  p50 %7.2f  p99 %7.2f ms%n", s.series(),
                        s.count(), s.meanMs(), s.p50Ms(), s.p99Ms()));
            }
        }
        return sb.toString();
    }
}
