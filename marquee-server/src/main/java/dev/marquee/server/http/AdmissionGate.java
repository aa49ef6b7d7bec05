package dev.marquee.server.http;

import io.helidon.webserver.http.Handler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounded concurrency for one endpoint class (a semaphore with a bounded wait, the "concurrency limit +
 * short queue" of load shedding): past capacity a request is answered 503 with Retry-After at once instead of
 * queueing behind work the server cannot finish in time. Shed requests are counted and timed (arrival to
 * refusal) in {@code marquee_http_shed_seconds{endpoint}}; slots in use in {@code marquee_http_inflight{endpoint}}.
 */
final class AdmissionGate {
    private final String endpoint;
    private final Semaphore slots;
    private final int capacity;
    private final long maxWaitNanos;
    private final Timer shed;

    AdmissionGate(String endpoint, int capacity, Duration maxWait, MeterRegistry metrics) {
        this.endpoint = endpoint;
        this.capacity = capacity;
        this.slots = new Semaphore(capacity);
        this.maxWaitNanos = maxWait.toNanos();
        this.shed = Timer.builder("marquee.http.shed").tag("endpoint", endpoint)
                .description("requests answered 503 because the endpoint was at capacity").register(metrics);
        Gauge.builder("marquee.http.inflight", slots, s -> capacity - s.availablePermits()).tag("endpoint", endpoint)
                .register(metrics);
    }

    Handler guard(Handler inner) {
        return (req, res) -> {
            long t0 = System.nanoTime();
            if (!acquire()) {
                shed.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                throw new ApiException(503, endpoint + " is at capacity (" + capacity + " in flight); retry shortly",
                        java.util.List.of(), "1");
            }
            try {
                inner.handle(req, res);
            } finally {
                slots.release();
            }
        };
    }

    private boolean acquire() {
        if (slots.tryAcquire()) {
            return true;
        }
        try {
            return maxWaitNanos > 0 && slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
