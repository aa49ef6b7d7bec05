package dev.marquee.features.redis;

/**
 * Redis could not be reached or answered with an error. Reads and writes fail with this within about the
 * configured timeout instead of hanging; the store reconnects by itself on the next call once Redis is back.
 */
public final class RedisUnavailableException extends RuntimeException {
    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
