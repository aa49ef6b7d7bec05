package dev.marquee.feed.rerank;

/** How {@link ExplorationSelector} picks the arm for an exploration slot. */
public enum ExplorationMode {
    /** Sample each arm's Beta posterior of the long-view rate and take the best draw (Thompson, 1933). */
    THOMPSON,
    /** With probability ε a uniformly random arm, otherwise the arm with the best posterior mean. */
    EPSILON_GREEDY
}
