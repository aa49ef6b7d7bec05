package dev.marquee.features;

/**
 * A remote feature store could not be reached (down, paused, partitioned). Transient by nature: writers retry the
 * same records with back-off (nothing is skipped or lost, updates are idempotent), readers serve degraded results.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
