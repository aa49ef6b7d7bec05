package dev.marquee.server;

import dev.marquee.server.http.AdmissionLimits;
import dev.marquee.server.http.ApiProtection;
import dev.marquee.server.http.ApiToken;
import java.security.SecureRandom;
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
 * @param rankerKind      registry kind served as the ranker: {@code ranker-student} by default (same AUC within
 *                        0.003 on the default world, ~4× faster per 1,000 candidates), or {@code ranker}
 * @param protection      bearer token, feed auth, demo UI token and per-endpoint concurrency limits; the
 *                        default is a random token nobody knows (writes closed) — the CLI sets the real one
 * @param backends        event log, feature store and whether this node applies events itself (embedded by default)
 */
public record ServeConfig(DataDir data, String host, int port, Duration deadline, Duration sourceBudget,
                          Duration snapshotPeriod, long snapshotMinEvents, Duration modelPollPeriod,
                          String rankerKind, ApiProtection protection, NodeBackends backends) {
    public ServeConfig withListen(String newHost, int newPort) {
        return new ServeConfig(data, newHost, newPort, deadline, sourceBudget, snapshotPeriod, snapshotMinEvents,
                modelPollPeriod, rankerKind, protection, backends);
    }

    public ServeConfig withDeadline(Duration newDeadline, Duration newSourceBudget) {
        return new ServeConfig(data, host, port, newDeadline, newSourceBudget, snapshotPeriod, snapshotMinEvents,
                modelPollPeriod, rankerKind, protection, backends);
    }

    public ServeConfig withProtection(ApiProtection newProtection) {
        return new ServeConfig(data, host, port, deadline, sourceBudget, snapshotPeriod, snapshotMinEvents,
                modelPollPeriod, rankerKind, newProtection, backends);
    }

    public ServeConfig withModelPollPeriod(Duration newPeriod) {
        return new ServeConfig(data, host, port, deadline, sourceBudget, snapshotPeriod, snapshotMinEvents,
                newPeriod, rankerKind, protection, backends);
    }

    public ServeConfig withBackends(NodeBackends newBackends) {
        return new ServeConfig(data, host, port, deadline, sourceBudget, snapshotPeriod, snapshotMinEvents,
                modelPollPeriod, rankerKind, protection, newBackends);
    }

    public static ServeConfig defaults(DataDir data, int port) {
        return new ServeConfig(data, "0.0.0.0", port, Duration.ofMillis(100), Duration.ofMillis(60),
                Duration.ofMinutes(5), 100_000, Duration.ofSeconds(5), "ranker-student",
                new ApiProtection(ApiToken.generate(new SecureRandom()), false, false, AdmissionLimits.defaults()),
                NodeBackends.embedded());
    }
}
