package dev.marquee.core;

import java.util.List;

/** Loads per-candidate features (video stats, user×video crosses) into each candidate in one batch. */
public interface CandidateHydrator extends Component {
    void hydrate(FeedQuery query, List<Candidate> candidates);
}
