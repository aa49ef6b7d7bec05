package dev.marquee.core;

/** Thrown when a feature is read that was never set; callers who want a default must ask for one explicitly. */
public final class MissingFeatureException extends RuntimeException {
    public MissingFeatureException(Feature<?, ?> feature) {
        super("feature not set: " + feature);
    }
}
