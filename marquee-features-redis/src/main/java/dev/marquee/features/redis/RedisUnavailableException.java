package dev.marquee.features.redis;

import dev.marquee.features.StoreUnavailableException;

/**
 * Redis could not be reached or answered with an error. Reads and writes fail with this within about the
 * configured timeout instead of hanging; the store reconnects by itself on the next call once Redis is back.
 */
public final class RedisUnavailableException extends StoreUnavailableException {
    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
