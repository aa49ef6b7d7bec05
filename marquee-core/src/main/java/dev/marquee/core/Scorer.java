package dev.marquee.core;

import java.util.List;

/**
 * Scores candidates in one batch. Implementations must set a score on every input candidate (via
 * {@link Candidate#score(String, double)}); the executor checks nothing was skipped.
 */
public interface Scorer extends Component {
    void score(FeedQuery query, List<Candidate> candidates);
}
