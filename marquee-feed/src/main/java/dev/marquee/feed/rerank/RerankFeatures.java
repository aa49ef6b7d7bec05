package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import dev.marquee.core.Feature;

/** Per-candidate features the re-rank selectors hand to each other and to the impression log. */
public final class RerankFeatures {
    private RerankFeatures() {
    }

    /** 0-based page position assigned by {@link PageSelector}. */
    public static final Feature<Candidate, Integer> POSITION = Feature.of("position", Candidate.class, Integer.class);

    /**
     * The page position {@link ExplorationSelector} reserved for this exploration pick; later selectors keep
     * the pick at or after it (never earlier, so never in the protected top positions).
     */
    public static final Feature<Candidate, Integer> EXPLORATION_SLOT =
            Feature.of("exploration_slot", Candidate.class, Integer.class);
}
