package dev.marquee.core;

import java.util.List;

/** Produces candidates for a query, each tagged with this source's id and score. */
public interface CandidateSource extends Component {
    /** Candidates in descending source-score order; never null. */
    List<Candidate> fetch(FeedQuery query);
}
