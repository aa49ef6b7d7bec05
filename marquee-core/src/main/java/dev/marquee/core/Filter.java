package dev.marquee.core;

import java.util.List;

/** Removes candidates that must not be shown (seen, blocked, too short...). Order of kept candidates is preserved. */
public interface Filter extends Component {
    FilterResult apply(FeedQuery query, List<Candidate> candidates);
}
