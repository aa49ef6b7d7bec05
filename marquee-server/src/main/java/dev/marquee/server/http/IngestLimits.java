package dev.marquee.server.http;

/**
 * Limits of {@code POST /v1/events}.
 *
 * @param maxBodyBytes  request body limit (default 1 MiB); over it → 413
 * @param maxEvents     events per batch (default 5,000); over it → 413
 */
public record IngestLimits(int maxBodyBytes, int maxEvents) {
    public static IngestLimits defaults() {
        return new IngestLimits(1 << 20, 5_000);
    }
}
