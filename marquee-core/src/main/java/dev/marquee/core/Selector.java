package dev.marquee.core;

import java.util.List;

/** Reorders, merges or truncates the candidate list (merging, diversity, exploration, paging). */
public interface Selector extends Component {
    List<Candidate> select(FeedQuery query, List<Candidate> candidates);
}
