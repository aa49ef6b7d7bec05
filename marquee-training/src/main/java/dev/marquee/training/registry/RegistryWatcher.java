package dev.marquee.training.registry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one kind's promotion pointer on an injected scheduler and hands each newly current, verified
 * version to a {@link PromotionListener}. A version that fails to load is logged once, counted and reported,
 * and the previous model stays; it is not re-hashed on every poll, but is retried if it becomes current
 * again later (after a rollback and re-promotion). Nothing escapes into the scheduler, since a throwing
 * periodic task would be silently cancelled.
 */
public final class RegistryWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryWatcher.class);
    private final ModelRegistry registry;
    private final String kind;
    private final ScheduledExecutorService scheduler;
    private final Duration period;
    private final PromotionListener listener;
    private final AtomicLong failedLoads = new AtomicLong();
    private volatile String serving;
    private volatile String lastFailed;
    private String lastPointerError;
    private ScheduledFuture<?> task;

    public RegistryWatcher(ModelRegistry registry, String kind, ScheduledExecutorService scheduler, Duration period,
                           PromotionListener listener) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.kind = RegistryNames.checkKind(kind);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.period = Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("watch period must be positive, got " + period);
        }
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Polls now and then every period; the scheduler is the caller's and is not shut down by {@link #close}. */
    public synchronized void start() {
        if (task != null) {
            throw new IllegalStateException("watcher for " + kind + " already started");
        }
        task = scheduler.scheduleWithFixedDelay(this::pollOnce, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** One check of the pointer; never throws. Public so a caller can force a check (e.g. right after promoting). */
    public synchronized void pollOnce() {
        String version;
        try {
            Optional<String> current = registry.current(kind);
            lastPointerError = null;
            if (current.isEmpty() || current.get().equals(serving)) {
                lastFailed = null;
                return;
            }
            version = current.get();
        } catch (Throwable e) {
            if (!String.valueOf(e.getMessage()).equals(lastPointerError)) {
                lastPointerError = String.valueOf(e.getMessage());
                LOG.warn("model registry: cannot read the {} promotion pointer, keeping {}: {}", kind, serving, e.toString());
            }
            return;
        }
        if (version.equals(lastFailed)) {
            return;
        }
        try {
            LoadedVersion loaded = registry.load(kind, version);
            listener.onPromoted(loaded);
            LOG.info("model registry: now serving {}/{} (was {})", kind, version, serving);
            serving = version;
            lastFailed = null;
        } catch (Throwable e) {
            lastFailed = version;
            failedLoads.incrementAndGet();
            LOG.error("model registry: refusing {}/{}, still serving {}: {}", kind, version, serving, e.toString());
            try {
                listener.onLoadFailed(kind, version, e);
            } catch (Throwable listenerFailure) {
                LOG.error("model registry: load-failure listener threw for {}/{}", kind, version, listenerFailure);
            }
        }
    }

    /** The version last handed to the listener successfully. */
    public Optional<String> servingVersion() {
        return Optional.ofNullable(serving);
    }

    /** How many promoted versions failed to load since start. */
    public long failedLoads() {
        return failedLoads.get();
    }

    /** Stops polling; an in-progress poll finishes. */
    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
