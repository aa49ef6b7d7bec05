package dev.marquee.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a warning at most once per key and period, with the number of occurrences suppressed since, so a
 * degraded dependency seen by every request (a missing model, a dead source) yields one line per period instead
 * of one per request. The metrics still count every occurrence.
 */
public final class LogThrottle {
    private final Logger log;
    private final long periodNanos;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        volatile long lastNanos;
        final AtomicLong suppressed = new AtomicLong();

        Window(long lastNanos) {
            this.lastNanos = lastNanos;
        }
    }

    public LogThrottle(Logger log, java.time.Duration period, Clock clock) {
        this.log = log;
        this.periodNanos = period.toNanos();
        this.clock = clock;
    }

    /** Logs {@code message} (SLF4J format) unless {@code key} was logged within the period. */
    public void warn(String key, String message, Object... args) {
        long now = clock.nanos();
        Window w = windows.get(key);
        if (w == null) {
            Window fresh = new Window(now);
            w = windows.putIfAbsent(key, fresh);
            if (w == null) {
                log.warn(message, args);
                return;
            }
        }
        synchronized (w) {
            if (now - w.lastNanos < periodNanos) {
                w.suppressed.incrementAndGet();
                return;
            }
            w.lastNanos = now;
        }
        long suppressed = w.suppressed.getAndSet(0);
        log.warn(suppressed == 0 ? message : message + " (" + suppressed + " more like it since the last report)", args);
    }
}
