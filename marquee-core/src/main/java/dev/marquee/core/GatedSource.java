package dev.marquee.core;

import java.time.Duration;
import java.util.Objects;

/** A candidate source with the gate that decides whether it runs and its time budget within the request. */
public record GatedSource(CandidateSource source, Gate gate, Duration budget) {
    public GatedSource {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(budget, "budget");
    }

    public static GatedSource always(CandidateSource source, Duration budget) {
        return new GatedSource(source, Gate.ALWAYS, budget);
    }
}
