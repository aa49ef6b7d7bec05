package dev.marquee.server.http;

import java.time.Duration;

/**
 * How many requests each endpoint class runs at once, and how long a request may wait for a slot before it
 * is shed with 503 + Retry-After. The wait bounds the queue in time rather than in length, so a shed request
 * answers within {@code maxWait} and admitted latency cannot grow without bound. Health and metrics are
 * never shed (an orchestrator must see an overloaded server as alive).
 *
 * @param feed    concurrent {@code GET /v1/feed}
 * @param events  concurrent {@code POST /v1/events}
 * @param writes  concurrent video/user upserts and deletions
 * @param reads   concurrent other API reads (status, user sample)
 * @param maxWait longest wait for a slot before shedding
 */
public record AdmissionLimits(int feed, int events, int writes, int reads, Duration maxWait) {
    public AdmissionLimits {
        for (int n : new int[] {feed, events, writes, reads}) {
            if (n < 1 || n > 100_000) {
                throw new IllegalArgumentException("concurrency limits must be in [1, 100000], got " + n);
            }
        }
        if (maxWait.isNegative() || maxWait.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("maxWait must be in [0, 10 s], got " + maxWait);
        }
    }

    /**
     * Sized for a 2-core box: the feed is CPU-bound (~2–5 ms each), so 32 in flight already means a queue of
     * ~16 per core; past that, waiting only adds latency. Ingest is fsync-bound and batches, so 16 suffice.
     */
    public static AdmissionLimits defaults() {
        return new AdmissionLimits(32, 16, 8, 16, Duration.ofMillis(20));
    }
}
