package dev.marquee.server;

import java.time.Duration;

/**
 * Settings of a serving process, with the defaults in one place.
 *
 * @param data            data directory (event log, models, snapshots)
 * @param host            listen address
 * @param port            HTTP port (0 = any free port)
 * @param deadline        per-request deadline of the feed pipeline
 * @param sourceBudget    budget of each candidate source inside the deadline
 * @param snapshotPeriod  how often to consider writing a feature snapshot
 * @param snapshotMinEvents new events needed before a snapshot is written
 * @param modelPollPeriod how often the registry is checked for a newly promoted model
 */
public record ServeConfig(DataDir data, String host, int port, Duration deadline, Duration sourceBudget,
                          Duration snapshotPeriod, long snapshotMinEvents, Duration modelPollPeriod) {
    public static ServeConfig defaults(DataDir data, int port) {
        return new ServeConfig(data, "0.0.0.0", port, Duration.ofMillis(100), Duration.ofMillis(60),
                Duration.ofMinutes(5), 100_000, Duration.ofSeconds(5));
    }
}
