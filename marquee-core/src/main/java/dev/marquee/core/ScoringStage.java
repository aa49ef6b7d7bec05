package dev.marquee.core;

import java.util.Objects;

/** A scorer and the fallback that replaces it when it fails (e.g. ranking model → trending order). */
public record ScoringStage(Scorer scorer, Scorer fallback) {
    public ScoringStage {
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(fallback, "fallback");
    }
}
