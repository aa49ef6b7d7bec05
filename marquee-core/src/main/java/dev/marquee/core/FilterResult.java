package dev.marquee.core;

import java.util.List;

/** Outcome of a filter: what goes on, and what was dropped (kept for explain and metrics). */
public record FilterResult(List<Candidate> kept, List<Candidate> removed) {
    public static FilterResult keepAll(List<Candidate> candidates) {
        return new FilterResult(candidates, List.of());
    }
}
