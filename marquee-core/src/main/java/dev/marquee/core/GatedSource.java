package dev.marquee.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A candidate source with the gate that decides whether it runs, its time budget within the request, and
 * where it runs.
 *
 * @param inline run on the request thread (after the parallel sources are started, so they overlap) instead of
 *               handing it to the source pool: right for cheap CPU-bound in-process sources, where a thread
 *               hand-off costs more than it saves; wrong for sources that wait on a network (Redis, a remote
 *               index), which should stay parallel. An inline source cannot be pre-empted: one that runs past its
 *               budget is reported late but its result is kept, like the other CPU-bound stages.
 */
public record GatedSource(CandidateSource source, Gate gate, Duration budget, boolean inline) {
    public GatedSource {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(budget, "budget");
    }

    /** A source run in parallel on the executor's source pool. */
    public GatedSource(CandidateSource source, Gate gate, Duration budget) {
        this(source, gate, budget, false);
    }

    public static GatedSource always(CandidateSource source, Duration budget) {
        return new GatedSource(source, Gate.ALWAYS, budget);
    }
}
