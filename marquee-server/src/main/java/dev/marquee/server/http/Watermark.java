package dev.marquee.server.http;

import java.time.Duration;

/**
 * "Has everything up to this log offset been applied?" — the feature store and the ANN index each keep
 * one. Write endpoints use it for read-your-writes (a PUT video answers once the video is retrievable).
 */
@FunctionalInterface
public interface Watermark {
    boolean awaitApplied(long offset, Duration timeout) throws InterruptedException;
}
