package dev.marquee.features;

import dev.marquee.core.Clock;
import dev.marquee.events.EventLog;
import dev.marquee.events.LogRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails an {@link EventLog} into a {@link FeatureWriter}: subscribes from the writer's applied offset + 1
 * (so after a snapshot restore only the tail is replayed) and applies each delivered batch on the log's
 * delivery thread. Idempotence is the writer's contract (offsets at or below the applied one are skipped,
 * duplicate interaction ids within a window too).
 *
 * <p>Freshness: for every record appended after this updater was created ("live", as opposed to replayed
 * history), the time from the log's acknowledgement ({@code appendedAtMicros}) to the batch being readable
 * is recorded in the Micrometer timer {@value #FRESHNESS_TIMER} (p50/p99 published) and in a bounded
 * sampler ({@link #freshness()}). Resolution is the clock's millisecond.
 *
 * <p>A malformed event (the writer throws {@link IllegalArgumentException}) is logged, counted in
 * {@value #REJECTED_COUNTER} and skipped, so one poison record cannot stall the pipeline; replays skip it
 * the same way, so state stays deterministic.
 */
public final class FeatureUpdater implements AutoCloseable {
    public static final String FRESHNESS_TIMER = "marquee.features.freshness";
    public static final String APPLIED_COUNTER = "marquee.features.events.applied";
    public static final String REJECTED_COUNTER = "marquee.features.events.rejected";
    public static final String UNAVAILABLE_COUNTER = "marquee.features.store.unavailable";
    private static final long RETRY_PAUSE_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(FeatureUpdater.class);

    private final FeatureWriter writer;
    private final EventLog log;
    private final Clock clock;
    private final Timer freshnessTimer;
    private final Counter applied;
    private final Counter rejected;
    private final Counter unavailable;
    private final dev.marquee.core.LogThrottle throttle;
    private final FreshnessSampler sampler = new FreshnessSampler(1 << 16);
    private final long liveSinceMicros;
    private final ReentrantLock progressLock = new ReentrantLock();
    private final Condition progressed = progressLock.newCondition();
    private volatile long handledOffset;
    private volatile AutoCloseable subscription;
    private volatile boolean closed;
    private volatile Throwable failure;

    public FeatureUpdater(FeatureWriter writer, EventLog log, MeterRegistry registry, Clock clock) {
        this.writer = writer;
        this.log = log;
        this.clock = clock;
        this.freshnessTimer = Timer.builder(FRESHNESS_TIMER)
                .description("log acknowledgement to feature readable, live events")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
        this.applied = registry.counter(APPLIED_COUNTER);
        this.rejected = registry.counter(REJECTED_COUNTER);
        this.unavailable = registry.counter(UNAVAILABLE_COUNTER);
        this.throttle = new dev.marquee.core.LogThrottle(LOG, java.time.Duration.ofSeconds(10), clock);
        registry.gauge("marquee.features.applied.offset", this, FeatureUpdater::appliedOffset);
        this.liveSinceMicros = clock.millis() * 1000L;
        this.handledOffset = writer.appliedOffset();
    }

    /** Subscribes to the log from the writer's applied offset + 1; returns this. */
    public synchronized FeatureUpdater start() {
        if (subscription != null) {
            throw new IllegalStateException("updater already started");
        }
        subscription = log.subscribe(writer.appliedOffset() + 1, batch -> {
            try {
                accept(batch);
            } catch (Throwable t) {
                failure = t;
                LOG.error("feature updater stopped on an unexpected error", t);
                signal();
                throw t;
            }
        });
        return this;
    }

    /** Applies one batch synchronously (the subscription's callback; also used by replays and benchmarks). */
    public void accept(List<LogRecord> batch) {
        int from = 0;
        while (from < batch.size()) {
            List<LogRecord> rest = from == 0 ? batch : batch.subList(from, batch.size());
            try {
                applied.increment(writer.apply(rest));
                from = batch.size();
            } catch (StoreUnavailableException e) {
                if (closed) {
                    throw e;
                }
                // a remote store is down: retry the same records after a pause (idempotent; nothing is skipped)
                unavailable.increment();
                throttle.warn("unavailable", "feature store unavailable, retrying every {} ms: {}", RETRY_PAUSE_MILLIS, e.getMessage());
                java.util.concurrent.locks.LockSupport.parkNanos(RETRY_PAUSE_MILLIS * 1_000_000L);
            } catch (IllegalArgumentException e) {
                long good = writer.appliedOffset();
                int bad = from;
                while (bad < batch.size() && batch.get(bad).offset() <= good) {
                    bad++;
                }
                LOG.warn("skipping malformed event at offset {}: {}", bad < batch.size() ? batch.get(bad).offset() : -1, e.getMessage());
                rejected.increment();
                from = bad + 1;
            }
        }
        recordFreshness(batch);
        if (!batch.isEmpty()) {
            progressLock.lock();
            try {
                handledOffset = Math.max(handledOffset, batch.getLast().offset());
                progressed.signalAll();
            } finally {
                progressLock.unlock();
            }
        }
    }

    private void recordFreshness(List<LogRecord> batch) {
        long now = clock.millis() * 1000L;
        for (int i = 0, n = batch.size(); i < n; i++) {
            long appended = batch.get(i).appendedAtMicros();
            if (appended >= liveSinceMicros) {
                long micros = Math.max(0, now - appended);
                freshnessTimer.record(micros, TimeUnit.MICROSECONDS);
                sampler.record(micros);
            }
        }
    }

    /** Highest offset handled (applied, or rejected as malformed); -1 before any. */
    public long appliedOffset() {
        return handledOffset;
    }

    /**
     * Waits until every record up to {@code offset} is applied and readable; true when it is, false on
     * timeout, close or failure. For tests and read-your-writes in the API (append, then await its offset).
     */
    public boolean awaitApplied(long offset, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        progressLock.lock();
        try {
            while (handledOffset < offset) {
                if (remaining <= 0 || closed || failure != null) {
                    return false;
                }
                remaining = progressed.awaitNanos(remaining);
            }
            return true;
        } finally {
            progressLock.unlock();
        }
    }

    /** Percentiles of live freshness over the last 65,536 events. */
    public FreshnessStats freshness() {
        return sampler.stats();
    }

    /** Starts a new freshness window (e.g. after warm-up). */
    public void resetFreshness() {
        sampler.reset();
    }

    /** The error that stopped the subscription, or null while healthy. */
    public Throwable failure() {
        return failure;
    }

    private void signal() {
        progressLock.lock();
        try {
            progressed.signalAll();
        } finally {
            progressLock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        AutoCloseable s = subscription;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.warn("closing the log subscription failed", e);
            }
        }
        signal();
    }
}
