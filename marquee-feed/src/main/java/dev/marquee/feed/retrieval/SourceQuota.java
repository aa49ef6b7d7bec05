package dev.marquee.feed.retrieval;

import java.util.Objects;

/** How many merged candidates one source may contribute before the leftovers are shared out. */
public record SourceQuota(String source, int quota) {
    public SourceQuota {
        Objects.requireNonNull(source, "source");
        if (quota < 0) {
            throw new IllegalArgumentException("quota of " + source + " must be >= 0, got " + quota);
        }
    }
}
